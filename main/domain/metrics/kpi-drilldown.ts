import { resolveKpiOptions, ZoneCalendar, type KpiFilters, type KpiId, type KpiOptions, type LocalDate } from '../../../shared/kpi';
import { evaluateCall, evaluateSurvey, type CallEval, type SurveyEval } from '../../../shared/kpi/contact-evaluation';
import { matchesFilters, NO_DIMS, type CellField } from '../../../shared/kpi/kpi-cells';
import { contributionOf, type Contribution } from '../../../shared/kpi/kpi-contribution';
import { evaluateTicket, type TicketEval } from '../../../shared/kpi/ticket-evaluation';
import type { Channel, Interaction, Survey, Ticket } from '../../../shared/schemas';
import type { Store } from '../../store/store';

/** KPIs a chart point can be opened on: every one made of contacts (occupancy is agent time, not records). */
export const DRILLABLE_KPIS = [
  'tma', 'tmaPhone', 'tmaEmail', 'tmaChat', 'tmaWhatsapp', 'tmaSocial', 'tmaWeb', 'tmeVoice', 'tmeDigital', 'tmrBusiness', 'tmrCalendar',
  'fcr', 'csat', 'csatResponseRate', 'nps', 'npsResponseRate', 'slaFirstResponse', 'slaResolution', 'serviceLevel', 'abandonment', 'backlog', 'volume',
] as const satisfies readonly KpiId[];
export type DrillableKpi = (typeof DRILLABLE_KPIS)[number];

export type DrillOutcome =
  | 'met' | 'missed' | 'first_contact' | 'repeat_contact' | 'positive' | 'negative' | 'answered' | 'unanswered'
  | 'promoter' | 'passive' | 'detractor' | 'answered_within' | 'answered_late' | 'abandoned';

/** One record behind a KPI figure. */
export interface DrillRow {
  kind: 'ticket' | 'call' | 'survey';
  /** The record's id (ticket, call interaction or survey). */
  id: string;
  /** The instant the record counts at (creation, solve, due time, queue entry, answer…). */
  at: string;
  ticketId: string | null;
  ticketNumber: number | null;
  subject: string | null;
  channel: Channel | null;
  customerId: string | null;
  customerName: string | null;
  agentId: string | null;
  agentName: string | null;
  /** The record's own figure: seconds for times, the score for surveys; null when none. */
  value: number | null;
  outcome: DrillOutcome | null;
}

export interface DrillQuery {
  kpi: DrillableKpi;
  /** Range `[start, end)` in epoch ms, and "now". */
  start: number;
  end: number;
  asOf: number;
  /** Already scoped to the viewer. */
  filters: KpiFilters;
  /** The KPI engine's options (the metrics service's: zone, business-hours clock). */
  options: KpiOptions;
}

const TMA_CHANNEL: Partial<Record<DrillableKpi, Channel>> = { tmaPhone: 'phone', tmaEmail: 'email', tmaChat: 'chat', tmaWhatsapp: 'whatsapp', tmaSocial: 'social', tmaWeb: 'web' };
const DONE = new Set(['solved', 'closed']);

/** Which records a KPI is made of, and the counter that marks them in their contribution. */
function sourceOf(kpi: DrillableKpi): { tickets?: CellField; calls?: CellField; surveys?: CellField; pending?: 'slaFirstDue' | 'slaResolutionDue'; backlog?: true } {
  if (kpi in TMA_CHANNEL || kpi === 'tma') return { tickets: 'handleCount', calls: 'handleCount' };
  switch (kpi) {
    case 'tmeVoice':
      return { calls: 'waitVoiceCount' };
    case 'tmeDigital':
      return { tickets: 'waitDigitalCount' };
    case 'tmrBusiness':
    case 'tmrCalendar':
      return { tickets: 'resolveCount' };
    case 'fcr':
      return { tickets: 'fcrSolved' };
    case 'csat':
      return { surveys: 'csatAnswers' };
    case 'csatResponseRate':
      return { surveys: 'csatSent' };
    case 'nps':
      return { surveys: 'npsAnswers' };
    case 'npsResponseRate':
      return { surveys: 'npsSent' };
    case 'slaFirstResponse':
      return { tickets: 'slaFirstDue', pending: 'slaFirstDue' };
    case 'slaResolution':
      return { tickets: 'slaResolutionDue', pending: 'slaResolutionDue' };
    case 'serviceLevel':
    case 'abandonment':
      return { calls: 'offered' };
    case 'backlog':
      return { backlog: true };
    default:
      return { tickets: 'volume' };
  }
}

/**
 * The records behind one KPI figure over `[start, end)`: exactly those whose contribution the
 * KPI engine counts there (same evaluation functions, same filters, same `asOf` rules), so the
 * list's length is the figure's denominator. Cheap necessary conditions on the raw records skip
 * most of history before anything is evaluated.
 */
export function drillDown(store: Store, q: DrillQuery): DrillRow[] {
  const options = resolveKpiOptions(q.options);
  const channel = TMA_CHANNEL[q.kpi];
  const filters: KpiFilters = channel ? { ...q.filters, channels: (q.filters.channels ?? [channel]).filter((c) => c === channel) } : q.filters;
  const source = sourceOf(q.kpi);
  const inRange = (at: number) => at >= q.start && at < q.end;
  const rows: DrillRow[] = [];
  const evalTicket = (t: Ticket): TicketEval => evaluateTicket(t, store.interactions.byIndex('ticket', t.id), store.tickets.byIndex('requester', t.requesterId), options);

  /** The instant `c` counts `field` in range and passes the filters, if it does. */
  const countedAt = (c: Contribution, field: CellField): number | null => {
    for (const p of c.points) if (inRange(p.at) && (p.cell[field] ?? 0) > 0 && matchesFilters(p.dims, filters)) return p.at;
    if (source.pending) for (const p of c.pending) if (p.field === field && inRange(p.at) && p.at <= q.asOf && matchesFilters(p.dims, filters)) return p.at;
    return null;
  };

  if (source.tickets || source.backlog) {
    for (const t of store.tickets.values()) {
      if (!ticketMayCount(t, q, source.tickets ?? 'backlog')) continue;
      const e = evalTicket(t);
      const c = contributionOf(e);
      if (source.backlog) {
        const open = c.open.find((o) => o.from < q.end && (o.to === null || o.to >= q.end) && matchesFilters(o.dims, filters));
        if (open) rows.push(ticketRow(store, t, e, open.from, null, null));
        continue;
      }
      const at = countedAt(c, source.tickets as CellField);
      if (at !== null) rows.push(ticketRow(store, t, e, at, ...ticketFigure(q.kpi, e)));
    }
  }
  if (source.calls) {
    for (const i of store.interactions.values()) {
      if (i.kind !== 'call' || !i.call) continue;
      const c = i.call;
      if (!inRange(Date.parse(c.queuedAt ?? c.ringingAt ?? c.answeredAt ?? i.createdAt))) continue;
      const ticket = i.ticketId ? store.tickets.get(i.ticketId) : undefined;
      const e = evaluateCall(i, ticket ? { ...NO_DIMS, teamId: ticket.teamId, category: ticket.category } : null, options);
      if (!e) continue;
      const at = countedAt(contributionOf(e), source.calls);
      if (at !== null) rows.push(callRow(store, i, ticket, e, at, q.kpi));
    }
  }
  if (source.surveys) {
    const byAnswer = source.surveys === 'csatAnswers' || source.surveys === 'npsAnswers';
    for (const s of store.surveys.values()) {
      const when = byAnswer ? s.answeredAt : s.sentAt;
      if (!when || !inRange(Date.parse(when))) continue;
      const ticket = s.ticketId ? store.tickets.get(s.ticketId) : undefined;
      const e = evaluateSurvey(s, ticket ? evalTicket(ticket).dims : null);
      const at = countedAt(contributionOf(e), source.surveys);
      if (at !== null) rows.push(surveyRow(store, s, ticket, e, at));
    }
  }
  return rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

/** Necessary (not sufficient) conditions for a ticket to count `field` in the range: skips most of history unevaluated. */
function ticketMayCount(t: Ticket, q: DrillQuery, field: CellField | 'backlog'): boolean {
  const created = Date.parse(t.createdAt);
  if (created >= q.end) return false;
  const doneIso = DONE.has(t.status) ? (t.solvedAt ?? t.closedAt) : null;
  const doneAt = doneIso ? Date.parse(doneIso) : null;
  switch (field) {
    case 'volume':
      return created >= q.start;
    case 'handleCount':
    case 'resolveCount':
    case 'fcrSolved':
      return doneAt !== null && doneAt >= q.start && doneAt < q.end;
    case 'waitDigitalCount':
      return t.channel !== 'phone' && (t.sla.firstResponseAt === null || (Date.parse(t.sla.firstResponseAt) >= q.start && Date.parse(t.sla.firstResponseAt) < q.end));
    case 'slaResolutionDue': {
      if (!t.sla.resolutionDueAt) return false;
      const due = Date.parse(t.sla.resolutionDueAt) + t.sla.pausedSeconds * 1000;
      return due >= q.start && due < q.end;
    }
    case 'slaFirstDue': {
      if (!t.sla.firstResponseDueAt) return false;
      // Paused time moves the due instant later, by at most the ticket's whole life so far.
      const raw = Date.parse(t.sla.firstResponseDueAt);
      return raw < q.end && raw + Math.max(q.asOf - created, t.sla.pausedSeconds * 1000) >= q.start;
    }
    case 'backlog':
      return !(doneAt !== null && doneAt < q.end && Date.parse(t.updatedAt) < q.end);
    default:
      return true;
  }
}

function ticketFigure(kpi: DrillableKpi, e: TicketEval): [number | null, DrillOutcome | null] {
  switch (kpi) {
    case 'tmeDigital':
      return [e.firstReply?.seconds ?? null, null];
    case 'tmrBusiness':
      return [e.resolution?.business ?? null, null];
    case 'tmrCalendar':
      return [e.resolution?.calendar ?? null, null];
    case 'fcr':
      return [null, e.resolution?.firstContact ? 'first_contact' : 'repeat_contact'];
    case 'slaFirstResponse':
    case 'slaResolution': {
      const o = kpi === 'slaFirstResponse' ? e.slaFirstResponse : e.slaResolution;
      // Counted here means due here: met, or missed (closed late, or still open past due).
      return [null, o?.state === 'met' ? 'met' : 'missed'];
    }
    case 'volume':
      return [null, null];
    default:
      return [e.handle?.seconds ?? null, null];
  }
}

function names(store: Store, customerId: string | null, agentId: string | null): Pick<DrillRow, 'customerId' | 'customerName' | 'agentId' | 'agentName'> {
  return {
    customerId,
    customerName: customerId ? (store.customers.get(customerId)?.name ?? null) : null,
    agentId,
    agentName: agentId ? (store.users.get(agentId)?.displayName ?? null) : null,
  };
}

function ticketRow(store: Store, t: Ticket, e: TicketEval, at: number, value: number | null, outcome: DrillOutcome | null): DrillRow {
  return { kind: 'ticket', id: t.id, at: new Date(at).toISOString(), ticketId: t.id, ticketNumber: t.number, subject: t.subject, channel: t.channel, ...names(store, t.requesterId, e.dims.agentId), value, outcome };
}

function callRow(store: Store, i: Interaction, ticket: Ticket | undefined, e: CallEval, at: number, kpi: DrillableKpi): DrillRow {
  let value: number | null = e.handleSeconds;
  let outcome: DrillOutcome | null = null;
  if (kpi === 'tmeVoice') value = e.waitSeconds;
  if (kpi === 'serviceLevel' || kpi === 'abandonment') {
    const c = i.call;
    value = e.waitSeconds ?? (c?.queuedAt && c.abandonedAt ? Math.max(0, (Date.parse(c.abandonedAt) - Date.parse(c.queuedAt)) / 1000) : null);
    outcome = e.outcome === 'abandoned' ? 'abandoned' : e.answeredWithin ? 'answered_within' : 'answered_late';
  }
  return {
    kind: 'call',
    id: i.id,
    at: new Date(at).toISOString(),
    ticketId: ticket?.id ?? null,
    ticketNumber: ticket?.number ?? null,
    subject: ticket?.subject ?? null,
    channel: 'phone',
    ...names(store, i.customerId, e.dims.agentId),
    value,
    outcome,
  };
}

function surveyRow(store: Store, s: Survey, ticket: Ticket | undefined, e: SurveyEval, at: number): DrillRow {
  const score = e.answer?.score ?? null;
  let outcome: DrillOutcome;
  if (score === null) outcome = 'unanswered';
  else if (e.survey === 'csat') outcome = score >= 4 ? 'positive' : 'negative';
  else outcome = score >= 9 ? 'promoter' : score <= 6 ? 'detractor' : 'passive';
  return {
    kind: 'survey',
    id: s.id,
    at: new Date(at).toISOString(),
    ticketId: ticket?.id ?? null,
    ticketNumber: ticket?.number ?? null,
    subject: ticket?.subject ?? null,
    channel: ticket?.channel ?? null,
    ...names(store, s.customerId, e.dims.agentId),
    value: score,
    outcome,
  };
}

/** `[start, end)` instants of the local dates `[from, to)`, or of one bucket of them (clipped to the range). */
export function drillRange(timeZone: string, from: LocalDate, to: LocalDate, bucketKey?: string): { start: number; end: number } | null {
  const calendar = new ZoneCalendar(timeZone);
  if (!bucketKey) return { start: calendar.startOf(from), end: calendar.startOf(to) };
  const size = /^\d{4}-\d{2}-\d{2}$/.test(bucketKey) ? 'day' : /^\d{4}-W\d{2}$/.test(bucketKey) ? 'week' : /^\d{4}-\d{2}$/.test(bucketKey) ? 'month' : null;
  const bucket = size ? calendar.buckets(from, to, size).find((b) => b.key === bucketKey) : undefined;
  return bucket ? { start: Date.parse(bucket.start), end: Date.parse(bucket.end) } : null;
}
