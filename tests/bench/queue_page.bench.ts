/**
 * One queue page (50 rows) at 100k tickets: an agent's default queue, a supervisor's whole floor,
 * and a filtered + searched page, each through the queue service the `tickets.list` procedure uses.
 */
import { AuditService } from '../../main/domain/audit/audit.service';
import { ManualClock } from '../../main/domain/shared/clock';
import { EventBus } from '../../main/domain/shared/event-bus';
import { OpenTicketIndex } from '../../main/domain/tickets/open-ticket-index';
import { QueueService } from '../../main/domain/tickets/queue.service';
import { TicketsService } from '../../main/domain/tickets/tickets.service';
import type { DomainEvents } from '../../main/domain/events';
import type { QueueFilterInput } from '../../shared/schemas';
import { BENCH_NOW, benchFloor } from './bench-floor';
import { percentile, round, sample, type BenchResult } from './harness';

const TICKETS = 100_000;
const PAGES = 400;

export default async function queuePageBench(): Promise<BenchResult[]> {
  const { store, dispose } = await benchFloor({ customers: 30_000, tickets: TICKETS, days: 90 });
  try {
    const clock = new ManualClock(BENCH_NOW);
    const tickets = new TicketsService(store, clock, new AuditService(clock), new EventBus<DomainEvents>());
    const queue = new QueueService(store, tickets, new OpenTicketIndex(store));
    const agent = store.users.byIndex('username', 'agente1')[0];
    const supervisor = store.users.byIndex('username', 'supervisor')[0];
    if (!agent || !supervisor) throw new Error('demo users missing');
    const cases: { name: string; viewer: typeof agent; filter: QueueFilterInput }[] = [
      { name: 'agent_default', viewer: agent, filter: {} },
      { name: 'supervisor_all', viewer: supervisor, filter: {} },
      { name: 'supervisor_filtered_search', viewer: supervisor, filter: { channel: ['whatsapp', 'email', 'chat'], priority: ['normal', 'high', 'urgent'], text: 'pedido' } },
    ];
    const results: BenchResult[] = [];
    for (const c of cases) {
      let total = 0;
      const durations = await sample(PAGES, (i) => {
        const page = queue.page(c.viewer, c.filter, 50, (i % 4) * 50);
        total = page.total;
      });
      const info = { tickets: TICKETS, matching: total, pages: PAGES, rows: 50 };
      results.push({ bench: 'queue_page', metric: `${c.name}_p50`, value: round(percentile(durations, 50)), unit: 'ms', info });
      results.push({ bench: 'queue_page', metric: `${c.name}_p99`, value: round(percentile(durations, 99)), unit: 'ms', bound: 15, info });
    }
    return results;
  } finally {
    await dispose();
  }
}
