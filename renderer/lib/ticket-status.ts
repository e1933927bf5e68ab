import type { TicketStatus } from '../../shared/schemas/ticket';

/**
 * Status moves the server allows (main/domain/tickets/ticket-status.ts; the renderer may not
 * import domain code, so the table is repeated here and a unit test pins it). Offering only
 * these keeps the status menu honest.
 */
export const STATUS_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

/** The current status first, then where it may go. */
export function statusOptions(current: TicketStatus): TicketStatus[] {
  return [current, ...STATUS_TRANSITIONS[current]];
}

export function canMoveTo(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || STATUS_TRANSITIONS[from].includes(to);
}
