import type { LocalDate } from './civil-date';
import { evaluateCall, evaluateSpan, evaluateSurvey, evaluateWork } from './contact-evaluation';
import { addCellInto, addInto, agentMatchesFilters, dimsKey, groupKeyOf, vectorAt, matchesFilters, type Cell, type CellVector, type KpiDims } from './kpi-cells';
import { contributionOf, type Contribution, type RecordEval } from './kpi-contribution';
import { agentRows, checkPeriod, seriesPoint, summarize, type RangeTotals } from './kpi-results';
import {
  resolveKpiOptions,
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
import { evaluateTicket } from './ticket-evaluation';
import { ZoneCalendar } from './zone-calendar';

/** A query of the reference implementation: the same three as `KpiAggregator`. */
export type KpiHistoryQuery =
  | ({ kind: 'summary' } & KpiPeriodQuery)
  | ({ kind: 'series' } & KpiSeriesQuery)
  | ({ kind: 'agents' } & KpiPeriodQuery);

function evaluateAll(records: KpiRecords, facts: KpiFacts, options: ResolvedKpiOptions): RecordEval[] {
  const tickets = records.tickets.map((t) => evaluateTicket(t, facts.interactionsOfTicket(t.id), facts.ticketsOfCustomer(t.requesterId), options));
  const dims = new Map<string, KpiDims>(tickets.map((t) => [t.id, t.dims]));
  const of = (id: string | null): KpiDims | null => (id === null ? null : (dims.get(id) ?? null));
  const out: RecordEval[] = [...tickets];
  for (const i of records.interactions) {
    const call = evaluateCall(i, of(i.ticketId), options);
    if (call) out.push(call);
    const work = evaluateWork(i);
    if (work) out.push(work);
  }
  for (const s of records.surveys) out.push(evaluateSurvey(s, of(s.ticketId)));
  // Spans are replaced by key: the last one given wins, as when applied one by one.
  const spans = new Map(records.agentSpans.map((s) => [evaluateSpan(s).key, evaluateSpan(s)]));
  out.push(...spans.values());
  return out;
}

/** Sums of one range straight from the contributions: instants tested against the range, no days. */
function totalsOf(all: readonly Contribution[], from: LocalDate, to: LocalDate, q: KpiPeriodQuery, asOf: number, calendar: ZoneCalendar, options: ResolvedKpiOptions, facts: KpiFacts): RangeTotals {
  const start = calendar.startOf(from);
  const end = calendar.startOf(to);
  const cutoff = asOf - options.fcrWindowDays * 86_400_000;
  const inRange = (at: number): boolean => at >= start && at < end;
  const cells = new Map<string, CellVector>();
  const totals: RangeTotals = { from, to, cells, agents: new Map(), observed: start <= asOf, backlog: 0 };
  const add = (dims: KpiDims, delta: Cell): void => {
    if (!matchesFilters(dims, q.filters)) return;
    addCellInto(vectorAt(cells, groupKeyOf(dimsKey(dims))), delta);
  };
  const addAgent = (agentId: string, delta: Record<string, number>): void => {
    if (!agentMatchesFilters(agentId, facts.teamsOfAgent(agentId), q.filters)) return;
    const cell = totals.agents.get(agentId) ?? {};
    addInto(cell, delta);
    totals.agents.set(agentId, cell);
  };
  for (const c of all) {
    for (const p of c.points) if (inRange(p.at)) add(p.dims, p.cell);
    for (const p of c.pending) if (inRange(p.at) && p.at <= asOf) add(p.dims, { [p.field]: 1 });
    for (const s of c.solves) if (inRange(s.at) && s.at > cutoff) add(s.dims, { fcrProvisional: 1 });
    // Backlog at the end of the range: unsolved before it, not yet solved at it.
    for (const o of c.open) if (o.from < end && (o.to === null || o.to >= end) && matchesFilters(o.dims, q.filters)) totals.backlog += 1;
    for (const w of c.agentWork) if (inRange(w.at)) addAgent(w.agentId, { digitalSeconds: w.seconds });
    for (const t of c.agentTime) {
      const ms = Math.min(t.to, end) - Math.max(t.from, start);
      if (ms > 0) addAgent(t.agentId, { [t.field]: ms });
    }
  }
  return totals;
}

/**
 * Reference implementation: the same figures as `KpiAggregator`, computed directly from raw
 * records for one query (every record evaluated, instants tested against the range). The
 * baseline the aggregates are tested against; also usable for one-off exports.
 */
export function computeFromHistory(records: KpiRecords, query: { kind: 'summary' } & KpiPeriodQuery, options?: KpiOptions): KpiSummary;
export function computeFromHistory(records: KpiRecords, query: { kind: 'series' } & KpiSeriesQuery, options?: KpiOptions): KpiSeriesPoint[];
export function computeFromHistory(records: KpiRecords, query: { kind: 'agents' } & KpiPeriodQuery, options?: KpiOptions): KpiAgentRow[];
export function computeFromHistory(records: KpiRecords, query: KpiHistoryQuery, options: KpiOptions = {}): KpiSummary | KpiSeriesPoint[] | KpiAgentRow[] {
  const resolved = resolveKpiOptions(options);
  const asOf = checkPeriod(query);
  const calendar = new ZoneCalendar(resolved.timeZone);
  const facts = createRecordFacts(records);
  const contributions = evaluateAll(records, facts, resolved).map(contributionOf);
  const totals = (from: LocalDate, to: LocalDate): RangeTotals => totalsOf(contributions, from, to, query, asOf, calendar, resolved, facts);
  if (query.kind === 'summary') return summarize(totals(query.from, query.to), resolved);
  if (query.kind === 'agents') return agentRows(totals(query.from, query.to));
  return calendar.buckets(query.from, query.to, query.bucket).map((b) => seriesPoint(b.key, summarize(totals(b.from, b.to), resolved), query.kpis));
}
