import type { Interaction, Ticket } from '../schemas';
import type { KpiFacts, KpiRecords } from './kpi-types';

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/**
 * `KpiFacts` over arrays of records (a snapshot), indexed once. Used by `rebuild`, by the
 * reference implementation, and by callers that hold their records in memory.
 */
export function createRecordFacts(records: KpiRecords): KpiFacts {
  const tickets = new Map<string, Ticket>(records.tickets.map((t) => [t.id, t]));
  const byTicket = groupBy<Interaction>(records.interactions, (i) => i.ticketId);
  const byCustomer = groupBy<Ticket>(records.tickets, (t) => t.requesterId);
  const teams = new Map((records.agents ?? []).map((a) => [a.id, a.teamIds]));
  return {
    ticket: (id) => tickets.get(id),
    interactionsOfTicket: (id) => byTicket.get(id) ?? [],
    ticketsOfCustomer: (id) => byCustomer.get(id) ?? [],
    teamsOfAgent: (id) => teams.get(id) ?? [],
  };
}
