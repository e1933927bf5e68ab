import type { RuleAction } from '../../../shared/schemas/automation';
import type { Priority, Ticket, TicketStatus } from '../../../shared/schemas/ticket';
import { applyStatus, canTransition } from '../tickets/ticket-status';

/** Actions that are not ticket fields: the caller carries them out (send, write, notify, survey). */
export type SideEffectAction = Extract<RuleAction, { type: 'reply_macro' | 'add_note' | 'notify_users' | 'send_csat' }>;

/** A side effect with the rule that asked for it. */
export type SideEffect = SideEffectAction & { ruleId: string; ruleName: string };

export interface ActionOutcome {
  ticket: Ticket;
  changed: boolean;
  sideEffect: SideEffectAction | null;
  /** Why the action did nothing when it could not apply (e.g. a status move the workflow forbids). */
  skipped: string | null;
}

const MAX_TAGS = 50;

function touched(before: Ticket, patch: Partial<Ticket>, now: Date): ActionOutcome {
  return { ticket: { ...before, ...patch, updatedAt: now.toISOString() }, changed: true, sideEffect: null, skipped: null };
}

const unchanged = (ticket: Ticket, skipped: string | null = null): ActionOutcome => ({ ticket, changed: false, sideEffect: null, skipped });

/**
 * Applies one action to a ticket copy (the input is never mutated). Status moves follow the ticket
 * workflow (allowed transitions, SLA pause clock); setting a field to its current value changes
 * nothing; side-effect actions leave the ticket as is and are returned for the caller to run.
 */
export function applyAction(ticket: Ticket, action: RuleAction, now: Date): ActionOutcome {
  switch (action.type) {
    case 'set_field': {
      if (action.field === 'status') {
        const to = action.value as TicketStatus;
        if (to === ticket.status) return unchanged(ticket);
        if (!canTransition(ticket.status, to)) return unchanged(ticket, `status cannot go from ${ticket.status} to ${to}`);
        return { ticket: applyStatus(ticket, to, now), changed: true, sideEffect: null, skipped: null };
      }
      if (action.field === 'priority') {
        return action.value === ticket.priority ? unchanged(ticket) : touched(ticket, { priority: action.value as Priority }, now);
      }
      return action.value === ticket.category ? unchanged(ticket) : touched(ticket, { category: action.value }, now);
    }
    case 'assign_team':
      return action.teamId === ticket.teamId ? unchanged(ticket) : touched(ticket, { teamId: action.teamId }, now);
    case 'assign_agent':
      return action.agentId === ticket.assigneeId ? unchanged(ticket) : touched(ticket, { assigneeId: action.agentId }, now);
    case 'add_tag':
      if (ticket.tags.includes(action.tag)) return unchanged(ticket);
      if (ticket.tags.length >= MAX_TAGS) return unchanged(ticket, `the ticket already has ${MAX_TAGS} tags`);
      return touched(ticket, { tags: [...ticket.tags, action.tag] }, now);
    case 'remove_tag':
      return ticket.tags.includes(action.tag) ? touched(ticket, { tags: ticket.tags.filter((t) => t !== action.tag) }, now) : unchanged(ticket);
    case 'reply_macro':
    case 'add_note':
    case 'notify_users':
    case 'send_csat':
      return { ticket, changed: false, sideEffect: action, skipped: null };
  }
}
