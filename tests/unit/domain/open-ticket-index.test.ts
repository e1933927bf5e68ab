import { describe, expect, it } from 'vitest';
import { Prng } from '../../../main/domain/demo/prng';
import { OpenTicketIndex } from '../../../main/domain/tickets/open-ticket-index';
import { compareQueue } from '../../../main/domain/tickets/tickets.service';
import { OPEN_STATUSES, type Ticket } from '../../../shared/schemas';
import { makeCustomer, makeTicket } from '../../integration/fixtures/store-records';
import { openTemp, tempDir } from '../store/temp-store';

const STATUSES: Ticket['status'][] = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'];
const PRIORITIES: Ticket['priority'][] = ['low', 'normal', 'high', 'urgent'];

describe('OpenTicketIndex', () => {
  it('stays equal to a fresh sort of the open tickets through random creates, changes and closes', async () => {
    const store = await openTemp(tempDir());
    const customer = makeCustomer({ name: 'Zé Ninguém' });
    await store.write((tx) => tx.put('customers', customer));
    const rng = new Prng(99);
    const due = () => (rng.chance(0.2) ? null : new Date(Date.UTC(2026, 10, rng.int(1, 28), rng.int(0, 23))).toISOString());
    await store.write((tx) => {
      for (let i = 0; i < 200; i++) {
        tx.put('tickets', makeTicket({ number: i + 1, requesterId: customer.id, status: rng.pick(STATUSES), priority: rng.pick(PRIORITIES), sla: { policyId: null, firstResponseDueAt: due(), resolutionDueAt: due(), firstResponseAt: null, pausedSeconds: 0, pausedSince: null } }));
      }
    });
    const index = new OpenTicketIndex(store);
    const expected = () => [...store.tickets.values()].filter((t) => OPEN_STATUSES.includes(t.status)).sort(compareQueue).map((t) => t.id);
    expect(index.entries().map((e) => e.ticket.id)).toEqual(expected());
    const ids = [...store.tickets.values()].map((t) => t.id);
    for (let round = 0; round < 60; round++) {
      await store.write((tx) => {
        for (let k = 0; k < 5; k++) {
          const t = store.tickets.get(rng.pick(ids)) as Ticket;
          tx.put('tickets', { ...t, status: rng.pick(STATUSES), priority: rng.pick(PRIORITIES), sla: { ...t.sla, firstResponseDueAt: due(), firstResponseAt: rng.chance(0.5) ? t.createdAt : null } });
        }
        if (rng.chance(0.3)) {
          const t = makeTicket({ number: 1000 + round, requesterId: customer.id, status: 'new' });
          ids.push(t.id);
          tx.put('tickets', t);
        }
      });
      expect(index.entries().map((e) => e.ticket.id)).toEqual(expected());
    }
    expect(index.entries()[0]?.text).toContain('ze ninguem');
    index.dispose();
  });
});
