import type { Ticket } from '../../../shared/schemas';
import { slaDueAt } from '../tickets/tickets.service';

/** From this share of the target elapsed a ticket is at risk (the queue turns it amber too). */
export const SLA_RISK_SHARE = 0.75;

export interface SlaRisk {
  state: 'none' | 'paused' | 'ok' | 'at_risk' | 'breached';
  /** The next target that can still be missed (first response until answered, then resolution). */
  dueAt: string | null;
  /** Share of the target elapsed since the ticket was created (may pass 1 once breached). */
  share: number | null;
}

/**
 * Where an open ticket stands against its next SLA target, as the queue shows it: the clock starts
 * at creation; at risk from 75 % of the target elapsed, breached once due. A paused ticket (pending,
 * on hold) is neither, unless its target fell due before the pause began.
 */
export function slaRisk(ticket: Ticket, nowMs: number): SlaRisk {
  const dueAt = slaDueAt(ticket);
  if (!dueAt) return { state: 'none', dueAt: null, share: null };
  const due = Date.parse(dueAt);
  const start = Date.parse(ticket.createdAt);
  const pausedSince = ticket.sla.pausedSince ? Date.parse(ticket.sla.pausedSince) : null;
  const at = pausedSince ?? nowMs;
  const share = due > start ? Math.max(0, (at - start) / (due - start)) : at >= due ? 1 : null;
  if (at >= due) return { state: 'breached', dueAt, share };
  if (pausedSince !== null) return { state: 'paused', dueAt, share };
  if (share !== null && share >= SLA_RISK_SHARE) return { state: 'at_risk', dueAt, share };
  return { state: 'ok', dueAt, share };
}
