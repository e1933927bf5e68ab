import type { Interaction, Ticket, TicketStatus } from '../schemas';
import type { KpiDims } from './kpi-cells';
import type { ResolvedKpiOptions } from './kpi-types';

/**
 * A target's outcome. `dueAt` is the instant the target fell (or falls) due once paused time is
 * added back; `open` means not met yet, so it is missed once `dueAt` is past.
 */
export interface SlaOutcome {
  dueAt: number;
  state: 'met' | 'missed' | 'open';
}

/**
 * What a ticket contributes to the KPIs, computed from the ticket, its interactions and the
 * customer's other tickets. Plain JSON (instants as epoch ms) so it can be persisted and
 * subtracted later without the records.
 */
export interface TicketEval {
  kind: 'ticket';
  id: string;
  requesterId: string;
  dims: KpiDims;
  createdAt: number;
  /** Stretches the ticket was not solved/closed: `[from, to]`, `to` null while still open. */
  open: [number, number | null][];
  /** Digital TMA: tracked agent work, counted at the (last) solve. */
  handle: { at: number; seconds: number } | null;
  /** Digital TME: creation → first public agent reply, business seconds, counted at the reply. */
  firstReply: { at: number; seconds: number } | null;
  /** TMR and FCR, counted at the (last) solve. */
  resolution: { at: number; business: number; calendar: number; firstContact: boolean } | null;
  slaFirstResponse: SlaOutcome | null;
  slaResolution: SlaOutcome | null;
}

const OPEN: ReadonlySet<string> = new Set<TicketStatus>(['new', 'open', 'pending', 'on_hold']);
const PAUSED: ReadonlySet<string> = new Set<TicketStatus>(['pending', 'on_hold']);
const DONE: ReadonlySet<string> = new Set<TicketStatus>(['solved', 'closed']);

type Timeline = { at: number; status: string }[];

function ms(iso: string): number {
  return Date.parse(iso);
}

/**
 * Status history from the ticket's `status` events. The ticket record wins where they disagree
 * (events missing or not yet written): its current status is appended at the instant the
 * record says it began.
 */
/**
 * Status events written in the same millisecond (a take then a solve in quick succession) have no
 * time order: put them in the order their from → to values chain, so the timeline never shows a
 * false reopen.
 */
function chainSameInstant(events: { at: number; from: string | null; to: string }[]): void {
  let current: string | null = null;
  for (let i = 0; i < events.length; i++) {
    let j = i;
    while (j + 1 < events.length && events[j + 1]?.at === events[i]?.at) j++;
    for (let k = i; k < j; k++) {
      const rest = events.slice(k, j + 1);
      // Next link: continues the current status, else the one no other remaining event leads to.
      const pick = rest.findIndex((e) => e.from === current) >= 0 ? rest.findIndex((e) => e.from === current) : rest.findIndex((e) => !rest.some((o) => o !== e && o.to === e.from));
      if (pick > 0) [events[k], events[k + pick]] = [events[k + pick] as (typeof events)[number], events[k] as (typeof events)[number]];
      current = events[k]?.to ?? current;
    }
    current = events[j]?.to ?? current;
    i = j;
  }
}

function statusTimeline(ticket: Ticket, interactions: readonly Interaction[]): Timeline {
  const events = interactions
    .filter((i) => i.kind === 'event' && i.event?.type === 'status' && i.event.to !== null)
    .map((i) => ({ at: ms(i.createdAt), id: i.id, from: i.event?.from ?? null, to: i.event?.to ?? '' }))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  chainSameInstant(events);
  const created = ms(ticket.createdAt);
  const first = events[0]?.from;
  const timeline: Timeline = [{ at: created, status: first && (OPEN.has(first) || DONE.has(first)) ? first : 'new' }];
  for (const e of events) timeline.push({ at: Math.max(created, e.at), status: e.to });
  const last = timeline[timeline.length - 1];
  if (last && last.status !== ticket.status) {
    const since =
      ticket.status === 'solved' || ticket.status === 'closed'
        ? (ticket.solvedAt ?? ticket.closedAt)
        : PAUSED.has(ticket.status)
          ? ticket.sla.pausedSince
          : null;
    timeline.push({ at: Math.max(last.at, ms(since ?? ticket.updatedAt)), status: ticket.status });
  }
  return timeline;
}

function openStretches(timeline: Timeline): [number, number | null][] {
  const out: [number, number | null][] = [];
  let openSince: number | null = null;
  for (const { at, status } of timeline) {
    if (OPEN.has(status) && openSince === null) openSince = at;
    else if (!OPEN.has(status) && openSince !== null) {
      out.push([openSince, at]);
      openSince = null;
    }
  }
  if (openSince !== null) out.push([openSince, null]);
  return out;
}

/** Seconds spent in pending/on_hold before `until`. */
function pausedBefore(timeline: Timeline, until: number): number {
  let total = 0;
  timeline.forEach((step, i) => {
    if (!PAUSED.has(step.status)) return;
    const end = Math.min(timeline[i + 1]?.at ?? until, until);
    if (end > step.at) total += (end - step.at) / 1000;
  });
  return total;
}

/**
 * Outcome of a target with `pausedSeconds` of clock stopped so far. A ticket paused right now
 * before its target fell due has no due instant yet (the clock is stopped): no outcome.
 */
function slaOutcome(dueIso: string | null, doneAt: number | null, pausedSeconds: number, pausedSince: string | null): SlaOutcome | null {
  if (!dueIso) return null;
  const dueAt = ms(dueIso) + pausedSeconds * 1000;
  if (doneAt !== null) return { dueAt, state: doneAt <= dueAt ? 'met' : 'missed' };
  if (pausedSince !== null) return ms(pausedSince) < dueAt ? null : { dueAt, state: 'missed' };
  return { dueAt, state: 'open' };
}

function isPublicReply(i: Interaction): boolean {
  return i.kind === 'message' && i.direction === 'outbound' && i.authorId !== null;
}

/**
 * Evaluates one ticket. `customerTickets` are the requester's tickets (this one may be among
 * them). Merged tickets are duplicates: they count in volume and backlog, not in the outcome
 * KPIs (TMA/TME digital, TMR, FCR, SLA).
 */
export function evaluateTicket(
  ticket: Ticket,
  interactions: readonly Interaction[],
  customerTickets: readonly Ticket[],
  options: ResolvedKpiOptions,
): TicketEval {
  const own = interactions.filter((i) => i.ticketId === ticket.id);
  const created = ms(ticket.createdAt);
  const timeline = statusTimeline(ticket, own);
  const firstCall = own
    .filter((i) => i.kind === 'call' && i.call?.queue)
    .map((i) => ({ at: ms(i.createdAt), id: i.id, queue: i.call?.queue ?? null }))
    .sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))[0];
  const dims: KpiDims = {
    channel: ticket.channel,
    teamId: ticket.teamId,
    agentId: ticket.assigneeId,
    queue: firstCall?.queue ?? null,
    category: ticket.category,
  };
  const result: TicketEval = {
    kind: 'ticket',
    id: ticket.id,
    requesterId: ticket.requesterId,
    dims,
    createdAt: created,
    open: openStretches(timeline),
    handle: null,
    firstReply: null,
    resolution: null,
    slaFirstResponse: null,
    slaResolution: null,
  };
  if (ticket.mergedInto !== null) return result;

  const digital = ticket.channel !== 'phone';
  const replies = own.filter(isPublicReply).map((i) => i.createdAt).sort();
  const firstReplyIso = ticket.sla.firstResponseAt ?? replies[0] ?? null;
  const solvedIso = DONE.has(ticket.status) ? (ticket.solvedAt ?? ticket.closedAt) : null;
  const solvedAt = solvedIso === null ? null : ms(solvedIso);

  if (digital && firstReplyIso !== null) {
    result.firstReply = { at: ms(firstReplyIso), seconds: options.businessSeconds(ticket.createdAt, firstReplyIso, ticket) };
  }
  if (solvedIso !== null && solvedAt !== null) {
    const work = own
      .filter((i) => i.authorId !== null && (i.kind === 'message' || i.kind === 'note'))
      .reduce((sum, i) => sum + i.workSeconds, 0);
    if (digital && work > 0) result.handle = { at: solvedAt, seconds: work };
    const contacts = replies.length + own.filter((i) => i.kind === 'call' && i.call?.answeredAt).length;
    const reopened = ticket.reopenCount > 0 || timeline.some((s, i) => i > 0 && OPEN.has(s.status) && DONE.has(timeline[i - 1]?.status ?? ''));
    const windowEnd = solvedAt + options.fcrWindowDays * 86_400_000;
    const repeated = customerTickets.some(
      (o) => o.id !== ticket.id && o.category === ticket.category && ms(o.createdAt) > created && ms(o.createdAt) <= windowEnd,
    );
    result.resolution = {
      at: solvedAt,
      business: options.businessSeconds(ticket.createdAt, solvedIso, ticket),
      calendar: Math.max(0, (solvedAt - created) / 1000),
      firstContact: contacts <= 1 && !reopened && !repeated,
    };
  }

  // A ticket solved without a public reply (e.g. on the phone) was responded to by its solve.
  const respondedAt = firstReplyIso !== null ? ms(firstReplyIso) : solvedAt;
  const firstPaused = respondedAt !== null ? pausedBefore(timeline, respondedAt) : ticket.sla.pausedSeconds;
  const stillPaused = respondedAt === null ? ticket.sla.pausedSince : null;
  result.slaFirstResponse = slaOutcome(ticket.sla.firstResponseDueAt, respondedAt, firstPaused, stillPaused);
  result.slaResolution = slaOutcome(ticket.sla.resolutionDueAt, solvedAt, ticket.sla.pausedSeconds, solvedAt === null ? ticket.sla.pausedSince : null);
  return result;
}
