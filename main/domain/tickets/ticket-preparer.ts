import type { Ticket } from '../../../shared/schemas';
import type { WriteTx } from '../../store/store';

/**
 * Called by every service that stores a ticket, inside its write transaction: derives what
 * follows from the ticket's fields: automation rules, routing, SLA policy and due times. `previous`
 * is the stored version, null for a new ticket; `tx` lets it write audit events and notes with it.
 */
export type TicketPreparer = (next: Ticket, previous: Ticket | null, tx: WriteTx) => Ticket;

export const noPreparation: TicketPreparer = (next) => next;
