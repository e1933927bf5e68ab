import type { Ticket, TicketStatus } from '../../../shared/schemas';

/** Allowed status moves. Closed is final: a customer writing again opens a follow-up ticket. */
export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

const PAUSED: ReadonlySet<TicketStatus> = new Set(['pending', 'on_hold']);

/**
 * Applies a status change to a ticket copy, keeping the SLA pause clock, solve/close times and the
 * reopen count consistent. The caller has checked `canTransition`.
 */
export function applyStatus(ticket: Ticket, to: TicketStatus, now: Date): Ticket {
  const at = now.toISOString();
  const sla = { ...ticket.sla };
  const wasPaused = PAUSED.has(ticket.status);
  const willPause = PAUSED.has(to);
  if (wasPaused && !willPause && sla.pausedSince) {
    sla.pausedSeconds += Math.max(0, (now.getTime() - Date.parse(sla.pausedSince)) / 1000);
    sla.pausedSince = null;
  }
  if (!wasPaused && willPause) sla.pausedSince = at;
  const reopened = (ticket.status === 'solved' || ticket.status === 'closed') && to !== 'solved' && to !== 'closed';
  return {
    ...ticket,
    status: to,
    sla,
    solvedAt: to === 'solved' ? at : reopened ? null : ticket.solvedAt,
    closedAt: to === 'closed' ? at : ticket.closedAt,
    reopenCount: ticket.reopenCount + (reopened ? 1 : 0),
    updatedAt: at,
  };
}
