import type { Interaction, Survey, Ticket } from '../schemas';
import { CivilDate } from './civil-date';
import {
  bindCallDims,
  bindSurveyDims,
  evaluateCall,
  evaluateSpan,
  evaluateSurvey,
  evaluateWork,
  spanKey,
  type CallEval,
} from './contact-evaluation';
import { DailyAggregates, type DailyAggregatesJson } from './daily-aggregates';
import { dimsKey, type KpiDims } from './kpi-cells';
import { contributionOf, type RecordEval } from './kpi-contribution';
import { agentRows, checkPeriod, seriesPoint, summarize, type RangeTotals } from './kpi-results';
import {
  resolveKpiOptions,
  type AgentStateSpan,
  type KpiAgentRow,
  type KpiFacts,
  type KpiOptions,
  type KpiPeriodQuery,
  type KpiRecords,
  type KpiSeriesPoint,
  type KpiSeriesQuery,
  type KpiSummary,
  type ResolvedKpiOptions,
} from './kpi-types';
import { createRecordFacts } from './record-facts';
import { evaluateTicket, type TicketEval } from './ticket-evaluation';
import { ZoneCalendar } from './zone-calendar';

const FORMAT = 'atende.kpi-aggregates/1';

/** Persisted aggregates: the daily sums plus each record's evaluation (to subtract it later). */
export interface KpiAggregatorSnapshot {
  format: typeof FORMAT;
  options: Omit<ResolvedKpiOptions, 'businessSeconds'>;
  aggregates: DailyAggregatesJson;
  evals: [string, RecordEval][];
}

export type KpiRestoreResult = { ok: true; aggregator: KpiAggregator } | { ok: false; reason: 'unknown_format' | 'options_changed' };

const DONE = new Set(['solved', 'closed']);

/**
 * Incremental KPI aggregates. The domain calls an `apply…` method after every write; each record's
 * contribution replaces its previous one, and the records whose figures depend on it are
 * re-evaluated (a ticket's calls and surveys take its team and category; an earlier ticket's FCR
 * depends on the customer's later tickets; a ticket's figures depend on its interactions).
 * Queries read daily sums only. `rebuild` gives the same state from raw history.
 */
export class KpiAggregator {
  readonly options: ResolvedKpiOptions;
  private readonly calendar: ZoneCalendar;
  private aggregates: DailyAggregates;
  /** Evaluation per record key (`t:`, `c:`, `s:`, `w:` + id; `a:` + span key). */
  private evals = new Map<string, RecordEval>();
  /** Ticket id → keys of the calls and surveys that take dimensions from it. */
  private dependents = new Map<string, Set<string>>();

  constructor(
    private readonly facts: KpiFacts,
    options: KpiOptions = {},
  ) {
    this.options = resolveKpiOptions(options);
    this.calendar = new ZoneCalendar(this.options.timeZone);
    this.aggregates = new DailyAggregates(this.calendar);
  }

  /** After a ticket was created or changed. */
  applyTicket(ticket: Ticket): void {
    this.setTicket(ticket, this.facts, true);
  }

  /** After any interaction was created or changed: calls, replies, notes, status events. */
  applyInteraction(interaction: Interaction): void {
    const previousCall = this.evals.get(`c:${interaction.id}`) as CallEval | undefined;
    this.replace(`c:${interaction.id}`, evaluateCall(interaction, this.ticketDims(interaction.ticketId), this.options));
    this.replace(`w:${interaction.id}`, evaluateWork(interaction));
    this.refreshTickets([interaction.ticketId, previousCall?.ticketId ?? null]);
  }

  /** Same as `applyInteraction` (named for the CTI flow). */
  applyCall(interaction: Interaction): void {
    this.applyInteraction(interaction);
  }

  /** After a survey was sent or answered. */
  applySurvey(survey: Survey): void {
    this.replace(`s:${survey.id}`, evaluateSurvey(survey, this.ticketDims(survey.ticketId)));
  }

  /** After an agent-state span closed (or was corrected). */
  applyAgentSpan(span: AgentStateSpan): void {
    this.replace(`a:${spanKey(span)}`, evaluateSpan(span));
  }

  /** After a ticket was deleted (e.g. privacy erasure); the store no longer has it. */
  removeTicket(id: string): void {
    const previous = this.evals.get(`t:${id}`) as TicketEval | undefined;
    this.replace(`t:${id}`, null);
    this.rebind(id, null);
    if (previous) this.refreshEarlierSolves(id, previous.createdAt, [previous.requesterId]);
  }

  /** After an interaction was deleted; pass the record as it was. */
  removeInteraction(interaction: Interaction): void {
    const previousCall = this.evals.get(`c:${interaction.id}`) as CallEval | undefined;
    this.replace(`c:${interaction.id}`, null);
    this.replace(`w:${interaction.id}`, null);
    this.refreshTickets([interaction.ticketId, previousCall?.ticketId ?? null]);
  }

  removeSurvey(id: string): void {
    this.replace(`s:${id}`, null);
  }

  removeAgentSpan(span: AgentStateSpan): void {
    this.replace(`a:${spanKey(span)}`, null);
  }

  /** Forgets everything and aggregates the given history (same result as applying it record by record). */
  rebuild(records: KpiRecords, facts: KpiFacts = createRecordFacts(records)): void {
    for (const _ of this.rebuildSteps(records, facts)) {
      // drained: the whole history at once
    }
  }

  /**
   * `rebuild` in steps: yields after every `every` records (the number done so far) so a caller can
   * give the event loop back between slices. `facts` answer for the history being aggregated: a
   * snapshot's (the default), or the live store's when the caller re-applies, once done, every
   * record written after `records` were taken (each such record then gets its incremental update).
   */
  *rebuildSteps(records: KpiRecords, facts: KpiFacts = createRecordFacts(records), every = 2000): Generator<number, void, void> {
    this.evals = new Map();
    this.dependents = new Map();
    this.aggregates = new DailyAggregates(this.calendar);
    let done = 0;
    const step = () => ++done % every === 0;
    // Every ticket is evaluated against the full history: no need to chase repeat contacts.
    for (const t of records.tickets) {
      this.setTicket(t, facts, false);
      if (step()) yield done;
    }
    for (const i of records.interactions) {
      this.replace(`c:${i.id}`, evaluateCall(i, this.ticketDims(i.ticketId), this.options));
      this.replace(`w:${i.id}`, evaluateWork(i));
      if (step()) yield done;
    }
    for (const s of records.surveys) {
      this.applySurvey(s);
      if (step()) yield done;
    }
    for (const span of records.agentSpans) {
      this.applyAgentSpan(span);
      if (step()) yield done;
    }
  }

  /** Every KPI over a period. */
  summary(q: KpiPeriodQuery): KpiSummary {
    const asOf = checkPeriod(q);
    const totals = this.collect(q, q.from, q.to, asOf);
    this.fillBacklog([totals], q);
    return summarize(totals, this.options);
  }

  /** A series by day, ISO week or month over a period (edge buckets clipped to it). */
  series(q: KpiSeriesQuery): KpiSeriesPoint[] {
    const asOf = checkPeriod(q);
    const buckets = this.calendar.buckets(q.from, q.to, q.bucket);
    const totals = buckets.map((b) => this.collect(q, b.from, b.to, asOf));
    this.fillBacklog(totals, q);
    return totals.map((t, i) => seriesPoint(buckets[i]?.key ?? t.from, summarize(t, this.options), q.kpis));
  }

  /** Per-agent rows (handled, TMA, FCR, CSAT, occupancy) over a period. */
  agents(q: KpiPeriodQuery): KpiAgentRow[] {
    return agentRows(this.collect(q, q.from, q.to, checkPeriod(q)));
  }

  toJSON(): KpiAggregatorSnapshot {
    const { businessSeconds: _fn, ...options } = this.options;
    return { format: FORMAT, options, aggregates: this.aggregates.toJSON(), evals: [...this.evals] };
  }

  /**
   * Restores persisted aggregates. Refused when they were computed with other settings (zone,
   * thresholds, window): the caller then rebuilds from history. A changed business-hours
   * calendar cannot be detected here; rebuild after changing it.
   */
  static fromJSON(snapshot: KpiAggregatorSnapshot, facts: KpiFacts, options: KpiOptions = {}): KpiRestoreResult {
    if (snapshot.format !== FORMAT) return { ok: false, reason: 'unknown_format' };
    const aggregator = new KpiAggregator(facts, options);
    const { businessSeconds: _fn, ...wanted } = aggregator.options;
    const saved = snapshot.options;
    if ((Object.keys(wanted) as (keyof typeof wanted)[]).some((k) => JSON.stringify(wanted[k]) !== JSON.stringify(saved[k]))) return { ok: false, reason: 'options_changed' };
    aggregator.aggregates = DailyAggregates.fromJSON(snapshot.aggregates, aggregator.calendar);
    aggregator.evals = new Map(snapshot.evals);
    for (const [key, e] of aggregator.evals) if (e.kind === 'call' || e.kind === 'survey') aggregator.link(key, e.ticketId);
    return { ok: true, aggregator };
  }

  private collect(q: KpiPeriodQuery, from: string, to: string, asOf: number): RangeTotals {
    return this.aggregates.collect(from, to, {
      filters: q.filters,
      asOf,
      fcrWindowMs: this.options.fcrWindowDays * 86_400_000,
      teamsOfAgent: (id) => this.facts.teamsOfAgent(id),
    });
  }

  private fillBacklog(totals: RangeTotals[], q: KpiPeriodQuery): void {
    const ends = totals.map((t) => CivilDate.addDays(t.to, -1));
    this.aggregates.backlogAt(ends, q.filters).forEach((n, i) => {
      const t = totals[i];
      if (t) t.backlog = n;
    });
  }

  private ticketDims(ticketId: string | null): KpiDims | null {
    return ticketId ? ((this.evals.get(`t:${ticketId}`) as TicketEval | undefined)?.dims ?? null) : null;
  }

  /**
   * Re-evaluates a ticket; its calls and surveys follow when its dimensions changed. With
   * `chase`, a new ticket (or a new customer or category) re-evaluates the earlier solves it may
   * be the repeat contact of — whichever path (ticket or interaction) first showed it.
   */
  private setTicket(ticket: Ticket, facts: KpiFacts, chase: boolean): void {
    const next = evaluateTicket(ticket, facts.interactionsOfTicket(ticket.id), facts.ticketsOfCustomer(ticket.requesterId), this.options);
    const previous = this.replace(`t:${ticket.id}`, next) as TicketEval | undefined;
    if (!previous || dimsKey(previous.dims) !== dimsKey(next.dims)) this.rebind(ticket.id, next.dims);
    if (chase && (!previous || previous.requesterId !== next.requesterId || previous.dims.category !== next.dims.category)) {
      this.refreshEarlierSolves(ticket.id, next.createdAt, [next.requesterId, previous?.requesterId]);
    }
  }

  /** Re-evaluates tickets from the store (after one of their interactions changed). */
  private refreshTickets(ids: (string | null)[]): void {
    for (const id of new Set(ids)) {
      const ticket = id === null ? undefined : this.facts.ticket(id);
      if (ticket) this.setTicket(ticket, this.facts, true);
    }
  }

  /**
   * A ticket created at `createdAt` is the repeat contact of the customer's earlier tickets solved
   * at most one FCR window before it: re-evaluate those (and only those) for FCR.
   */
  private refreshEarlierSolves(ticketId: string, createdAt: number, customers: (string | undefined)[]): void {
    const window = this.options.fcrWindowDays * 86_400_000;
    for (const customer of new Set(customers)) {
      if (customer === undefined) continue;
      for (const other of this.facts.ticketsOfCustomer(customer)) {
        const solved = DONE.has(other.status) ? (other.solvedAt ?? other.closedAt) : null;
        if (other.id === ticketId || solved === null || Date.parse(other.createdAt) >= createdAt) continue;
        if (Date.parse(solved) + window >= createdAt) this.setTicket(other, this.facts, true);
      }
    }
  }

  /** Gives a ticket's calls and surveys its new dimensions. */
  private rebind(ticketId: string, dims: KpiDims | null): void {
    for (const key of [...(this.dependents.get(ticketId) ?? [])]) {
      const e = this.evals.get(key);
      if (e?.kind === 'call') this.replace(key, bindCallDims(e, dims));
      else if (e?.kind === 'survey') this.replace(key, bindSurveyDims(e, dims));
    }
  }

  private link(key: string, ticketId: string | null, add = true): void {
    if (ticketId === null) return;
    const set = this.dependents.get(ticketId) ?? new Set<string>();
    if (add) set.add(key);
    else set.delete(key);
    if (set.size > 0) this.dependents.set(ticketId, set);
    else this.dependents.delete(ticketId);
  }

  /** Swaps a record's contribution for a new one (or none); returns the previous evaluation. */
  private replace(key: string, next: RecordEval | null): RecordEval | undefined {
    const previous = this.evals.get(key);
    if (previous && next && JSON.stringify(previous) === JSON.stringify(next)) return previous;
    if (previous) {
      this.aggregates.apply(key, contributionOf(previous), -1);
      if (previous.kind === 'call' || previous.kind === 'survey') this.link(key, previous.ticketId, false);
      this.evals.delete(key);
    }
    if (next) {
      this.aggregates.apply(key, contributionOf(next), 1);
      if (next.kind === 'call' || next.kind === 'survey') this.link(key, next.ticketId);
      this.evals.set(key, next);
    }
    return previous;
  }
}
