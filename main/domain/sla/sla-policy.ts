import type { Sla, Ticket } from '../../../shared/schemas/ticket';
import type { BusinessCalendar, SlaPolicy } from '../../../shared/schemas/sla';
import { addBusinessMinutes, addBusinessSeconds, businessSecondsBetween } from './business-hours';

/** What of a ticket decides its SLA policy. */
export type SlaPolicySubject = Pick<Ticket, 'priority' | 'channel' | 'teamId' | 'category'>;

/** Policies, calendars and the requester's tags: everything `applySlaPolicy` needs besides the ticket. */
export interface SlaSetup {
  policies: readonly SlaPolicy[];
  calendars: readonly BusinessCalendar[];
  /** Tags of the ticket's customer (policies may target e.g. `vip`). */
  customerTags?: readonly string[];
}

export type ApplySlaResult =
  | { ok: true; sla: Sla; policy: SlaPolicy | null; changed: boolean }
  | { ok: false; reason: 'unknown_calendar'; policyId: string; calendarId: string };

function anyOrIncludes<T>(allowed: readonly T[], value: T | null): boolean {
  return allowed.length === 0 || (value !== null && allowed.includes(value));
}

/** Whether a policy's conditions cover a ticket (each empty condition matches anything). */
export function slaPolicyMatches(policy: SlaPolicy, ticket: SlaPolicySubject, customerTags: readonly string[] = []): boolean {
  const c = policy.conditions;
  return (
    anyOrIncludes(c.priorities, ticket.priority) &&
    anyOrIncludes(c.channels, ticket.channel) &&
    anyOrIncludes(c.teamIds, ticket.teamId) &&
    anyOrIncludes(c.categories, ticket.category) &&
    (c.customerTags.length === 0 || c.customerTags.some((t) => customerTags.includes(t)))
  );
}

/** The first policy, by `order` (then id, so ties are stable), whose conditions match; null if none. */
export function selectSlaPolicy(
  policies: readonly SlaPolicy[],
  ticket: SlaPolicySubject,
  customerTags: readonly string[] = [],
): SlaPolicy | null {
  const ordered = [...policies].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return ordered.find((p) => slaPolicyMatches(p, ticket, customerTags)) ?? null;
}

/**
 * Business seconds the resolution clock has been paused until `now`: the closed pauses the ticket
 * carries (`sla.pausedSeconds`, kept in business seconds by `resumeSlaClock`) plus the pause under
 * way since `sla.pausedSince`, measured in the calendar.
 */
export function pausedBusinessSeconds(sla: Sla, calendar: BusinessCalendar, now: Date): number {
  const ongoing = sla.pausedSince ? Math.max(0, businessSecondsBetween(calendar, new Date(sla.pausedSince), now)) : 0;
  return sla.pausedSeconds + ongoing;
}

/**
 * Due times counted from the ticket's creation in the policy's calendar. The resolution due time
 * moves later by the paused business time (pending / on hold); while a pause is under way it is
 * the due time if the ticket resumed at `now`. The first response is not paused: a ticket waits on
 * the customer only after someone has answered, and the paused total spans the whole ticket life.
 */
export function computeSlaDueTimes(
  ticket: Pick<Ticket, 'createdAt' | 'sla'>,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  now: Date,
): { firstResponseDueAt: string; resolutionDueAt: string } {
  const created = new Date(ticket.createdAt);
  const paused = pausedBusinessSeconds(ticket.sla, calendar, now);
  return {
    firstResponseDueAt: addBusinessMinutes(calendar, created, policy.firstResponseMinutes).toISOString(),
    resolutionDueAt: addBusinessSeconds(calendar, created, policy.resolutionMinutes * 60 + paused).toISOString(),
  };
}

/** The calendar a policy uses, or null when the configuration names an unknown one. */
export function calendarOf(policy: SlaPolicy, calendars: readonly BusinessCalendar[]): BusinessCalendar | null {
  return calendars.find((c) => c.id === policy.calendarId) ?? null;
}

/**
 * (Re)applies the SLA to a ticket: selects the policy for its current priority, channel, team,
 * category and customer tags, and recomputes both due times from creation. Call it on creation and
 * after any change of those fields, or of the policies; it is idempotent, and `changed` says
 * whether the policy or a due time moved. The first response time and the pause clock are kept.
 */
export function applySlaPolicy(ticket: Ticket, setup: SlaSetup, now: Date): ApplySlaResult {
  const policy = selectSlaPolicy(setup.policies, ticket, setup.customerTags ?? []);
  let sla: Sla;
  if (!policy) {
    sla = { ...ticket.sla, policyId: null, firstResponseDueAt: null, resolutionDueAt: null };
  } else {
    const calendar = calendarOf(policy, setup.calendars);
    if (!calendar) return { ok: false, reason: 'unknown_calendar', policyId: policy.id, calendarId: policy.calendarId };
    sla = { ...ticket.sla, policyId: policy.id, ...computeSlaDueTimes(ticket, policy, calendar, now) };
  }
  const before = ticket.sla;
  const changed =
    before.policyId !== sla.policyId ||
    before.firstResponseDueAt !== sla.firstResponseDueAt ||
    before.resolutionDueAt !== sla.resolutionDueAt;
  return { ok: true, sla, policy, changed };
}
