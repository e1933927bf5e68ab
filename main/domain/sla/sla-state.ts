import type { Ticket } from '../../../shared/schemas/ticket';
import type { BusinessCalendar, SlaPolicy } from '../../../shared/schemas/sla';
import { businessSecondsBetween } from './business-hours';
import { computeSlaDueTimes, pausedBusinessSeconds } from './sla-policy';

export type SlaLevel = 'ok' | 'warning' | 'breached';

/** Where one SLA target (first response or resolution) stands. */
export interface SlaTargetState {
  level: SlaLevel;
  dueAt: string;
  targetSeconds: number;
  /** Business seconds counted against the target (pauses excluded), up to now or completion. */
  elapsedSeconds: number;
  /** Negative once breached. */
  remainingSeconds: number;
  /** elapsed / target: 0.75 = three quarters of the target used. */
  elapsedShare: number;
  /** Answered (first response) or solved (resolution): the state is frozen at that instant. */
  completed: boolean;
  /** The clock is stopped (pending / on hold). */
  paused: boolean;
}

export interface SlaState {
  policyId: string;
  firstResponse: SlaTargetState;
  resolution: SlaTargetState;
}

export type SlaStateTicket = Pick<Ticket, 'createdAt' | 'sla' | 'status' | 'solvedAt'>;

function level(elapsed: number, target: number, warnAtShare: number): SlaLevel {
  // Meeting the target exactly at the due instant is not a breach.
  if (elapsed > target) return 'breached';
  return elapsed >= target * warnAtShare ? 'warning' : 'ok';
}

function targetState(elapsed: number, target: number, warnAt: number, dueAt: string, completed: boolean, paused: boolean): SlaTargetState {
  return {
    level: level(elapsed, target, warnAt),
    dueAt,
    targetSeconds: target,
    elapsedSeconds: elapsed,
    remainingSeconds: target - elapsed,
    elapsedShare: elapsed / target,
    completed,
    paused,
  };
}

/**
 * The SLA of a ticket at `now` under `policy`: for each target, ok / warning (at least
 * `warnAtShare` of the target used) / breached (past the target), with the share used. Targets
 * already met are evaluated at their completion instant; the resolution clock excludes pauses.
 */
export function slaStateAt(ticket: SlaStateTicket, policy: SlaPolicy, calendar: BusinessCalendar, now: Date): SlaState {
  const created = new Date(ticket.createdAt);
  const responded = ticket.sla.firstResponseAt ? new Date(ticket.sla.firstResponseAt) : null;
  const solved = (ticket.status === 'solved' || ticket.status === 'closed') && ticket.solvedAt ? new Date(ticket.solvedAt) : null;

  const frEnd = responded ?? now;
  const frElapsed = Math.max(0, businessSecondsBetween(calendar, created, frEnd));
  const resEnd = solved ?? now;
  const resElapsed = Math.max(0, businessSecondsBetween(calendar, created, resEnd) - pausedBusinessSeconds(ticket.sla, calendar, resEnd));
  const due = computeSlaDueTimes(ticket, policy, calendar, resEnd);

  return {
    policyId: policy.id,
    firstResponse: targetState(frElapsed, policy.firstResponseMinutes * 60, policy.warnAtShare, due.firstResponseDueAt, responded !== null, false),
    resolution: targetState(
      resElapsed,
      policy.resolutionMinutes * 60,
      policy.warnAtShare,
      due.resolutionDueAt,
      solved !== null,
      solved === null && ticket.sla.pausedSince !== null,
    ),
  };
}
