import type { Ticket } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import type { AutomationService } from '../automation/automation.service';
import type { DomainEvents } from '../events';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import type { SlaLevel } from './sla-state';
import type { SlaService } from './sla.service';

/**
 * Watches open tickets' SLAs: on each `tick` (the core runs one every 30 s), a target crossing into
 * warning or breach publishes `slaChanged` (queue, wallboard) and runs the `sla_warning` /
 * `sla_breached` rules once; `time_based` rules (e.g. "pending for 3 days") run for every open
 * ticket, at most once per rule and ticket while it stays in its status.
 */
export class SlaMonitor {
  private readonly levels = new Map<string, SlaLevel>();
  private readonly timeFired = new Map<string, { status: string; rules: Set<string> }>();
  private primed = false;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly bus: EventBus<DomainEvents>,
    private readonly sla: SlaService,
    private readonly automation: AutomationService,
  ) {}

  /** Checks every open ticket once. The first tick only records levels (no storm of old breaches at start-up). */
  async tick(): Promise<{ warnings: number; breaches: number }> {
    const now = this.clock.now();
    const counts = { warnings: 0, breaches: 0 };
    const seen = new Set<string>();
    const timeRules = this.automation.rules().filter((r) => r.enabled && r.trigger.type === 'time_based');
    for (const team of [...this.store.tickets.indexKeys('openByTeam')]) {
      for (const ticket of this.store.tickets.byIndex('openByTeam', team)) {
        const state = this.sla.stateOf(ticket, now);
        for (const target of ['first_response', 'resolution'] as const) {
          const key = `${ticket.id}:${target}`;
          seen.add(key);
          const s = state ? (target === 'first_response' ? state.firstResponse : state.resolution) : null;
          const level: SlaLevel = s && !s.completed ? s.level : 'ok';
          const before = this.levels.get(key) ?? 'ok';
          this.levels.set(key, level);
          if (!this.primed || level === before || level === 'ok') continue;
          if (level === 'warning' && before === 'ok') counts.warnings++;
          if (level === 'breached') counts.breaches++;
          this.bus.publish('slaChanged', { ticketId: ticket.id, target, level });
          await this.automation.handle({ type: level === 'breached' ? 'sla_breached' : 'sla_warning', ticket, target });
        }
        if (timeRules.length > 0 && this.primed) await this.timeBased(ticket, timeRules.map((r) => r.id));
      }
    }
    for (const key of this.levels.keys()) if (!seen.has(key)) this.levels.delete(key);
    this.primed = true;
    return counts;
  }

  private async timeBased(ticket: Ticket, ruleIds: string[]): Promise<void> {
    const fired = this.timeFired.get(ticket.id);
    const memory = fired && fired.status === ticket.status ? fired : { status: ticket.status, rules: new Set<string>() };
    this.timeFired.set(ticket.id, memory);
    if (ruleIds.every((id) => memory.rules.has(id))) return;
    const statusSince = this.statusSince(ticket);
    const before = this.store.audit.byIndex('entity', `ticket:${ticket.id}`).length;
    await this.automation.handle({ type: 'time_based', ticket, ...(statusSince ? { statusSince } : {}) }, [...memory.rules]);
    // Rules that acted are remembered (the evaluator reports them through the audit they wrote).
    const after = this.store.audit.byIndex('entity', `ticket:${ticket.id}`).slice(before);
    for (const rule of this.automation.rules()) if (after.some((a) => a.actorName === `automation: ${rule.name}`)) memory.rules.add(rule.id);
  }

  /** When the ticket entered its current status, from its timeline. */
  private statusSince(ticket: Ticket): string | null {
    const events = this.store.interactions.byIndex('ticket', ticket.id).filter((i) => i.kind === 'event' && i.event?.type === 'status' && i.event.to === ticket.status);
    return events.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]?.createdAt ?? null;
  }
}
