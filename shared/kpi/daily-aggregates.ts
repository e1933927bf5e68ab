import { CivilDate, type LocalDate } from './civil-date';
import {
  addCellInto,
  addInto,
  addVector,
  agentMatchesFilters,
  CELL_INDEX,
  dimsKey,
  emptyVector,
  groupKeyOf,
  matchesFilters,
  parseDimsKey,
  vectorToCell,
  type AgentCell,
  type Cell,
  type CellVector,
  vectorAt,
} from './kpi-cells';
import type { Contribution } from './kpi-contribution';
import type { RangeTotals } from './kpi-results';
import type { KpiFilters } from './kpi-types';
import type { ZoneCalendar } from './zone-calendar';

/** A contribution that depends on `asOf`, kept per day so the day holding the cut-off can be resolved exactly. */
interface TimedEntry {
  kind: 'slaFirstDue' | 'slaResolutionDue' | 'solve';
  at: number;
  dims: string;
}

/** What a range query needs besides the range. */
export interface CollectContext {
  filters: KpiFilters | undefined;
  asOf: number;
  fcrWindowMs: number;
  teamsOfAgent: (agentId: string) => readonly string[];
}

/** Cached query state for one filter set (see `DailyAggregates.view`). */
interface FilterView {
  groupOf: (key: string) => string | null;
  /** `day|flags` → that day's filtered sums by group, at a day version. */
  days: Map<string, { version: number; cells: ReadonlyMap<string, CellVector> }>;
  /** day → its filtered backlog delta, at a day version. */
  backlog: Map<LocalDate, { version: number; delta: number }>;
}

const MAX_VIEWS = 16;

/** Persisted form of the aggregates. */
export interface DailyAggregatesJson {
  days: [LocalDate, [string, Cell][]][];
  agentDays: [LocalDate, [string, AgentCell][]][];
  timed: [LocalDate, [string, TimedEntry[]][]][];
}

const REFS = CELL_INDEX.refs;
const BACKLOG_DELTA = CELL_INDEX.backlogDelta;
const SLA_FIRST_DUE = CELL_INDEX.slaFirstDue;
const SLA_FIRST_PENDING = CELL_INDEX.slaFirstPending;
const SLA_RESOLUTION_DUE = CELL_INDEX.slaResolutionDue;
const SLA_RESOLUTION_PENDING = CELL_INDEX.slaResolutionPending;
const FCR_SOLVED = CELL_INDEX.fcrSolved;
const FCR_PROVISIONAL = CELL_INDEX.fcrProvisional;

function nested<V>(outer: Map<LocalDate, Map<string, V>>, day: LocalDate): Map<string, V> {
  let inner = outer.get(day);
  if (!inner) {
    inner = new Map();
    outer.set(day, inner);
  }
  return inner;
}

/**
 * Sums per local day and dimension combination (contacts), per local day and agent (agent time),
 * and the few per-record instants a query resolves against `asOf`. A period is the sum of its
 * days: queries read these, never the records.
 */
export class DailyAggregates {
  private days = new Map<LocalDate, Map<string, CellVector>>();
  private agentDays = new Map<LocalDate, Map<string, AgentCell>>();
  private timed = new Map<LocalDate, Map<string, TimedEntry[]>>();
  /** Bumped on every change to a day's cells or instants: cached filtered sums of older versions are stale. */
  private versions = new Map<LocalDate, number>();
  /** Per filter set, least recently used first. */
  private views = new Map<string, FilterView>();

  constructor(private readonly calendar: ZoneCalendar) {}

  /** Adds (`sign` 1) or subtracts (−1) a record's contribution. */
  apply(recordKey: string, c: Contribution, sign: 1 | -1): void {
    for (const p of c.points) this.addCell(this.calendar.dateOf(p.at), dimsKey(p.dims), p.cell, sign);
    for (const o of c.open) {
      this.addCell(this.calendar.dateOf(o.from), dimsKey(o.dims), { backlogDelta: 1 }, sign);
      if (o.to !== null) this.addCell(this.calendar.dateOf(o.to), dimsKey(o.dims), { backlogDelta: -1 }, sign);
    }
    for (const p of c.pending) this.addTimed(recordKey, { kind: p.field, at: p.at, dims: dimsKey(p.dims) }, sign);
    for (const s of c.solves) this.addTimed(recordKey, { kind: 'solve', at: s.at, dims: dimsKey(s.dims) }, sign);
    for (const w of c.agentWork) this.addAgent(this.calendar.dateOf(w.at), w.agentId, { digitalSeconds: w.seconds }, sign);
    for (const span of c.agentTime) {
      // Split at local midnights so each day gets its own share.
      let from = span.from;
      while (from < span.to) {
        const day = this.calendar.dateOf(from);
        const to = Math.min(span.to, this.calendar.endOf(day));
        this.addAgent(day, span.agentId, { [span.field]: to - from }, sign);
        from = to;
      }
    }
  }

  private addCell(day: LocalDate, key: string, delta: Cell, sign: 1 | -1): void {
    this.bump(day);
    const cells = nested(this.days, day);
    const cell = cells.get(key) ?? emptyVector();
    addCellInto(cell, delta, sign);
    cell[REFS] = (cell[REFS] ?? 0) + sign;
    if (cell[REFS]) cells.set(key, cell);
    else {
      cells.delete(key);
      if (cells.size === 0) this.days.delete(day);
    }
  }

  private addAgent(day: LocalDate, agentId: string, delta: AgentCell, sign: 1 | -1): void {
    const cells = nested(this.agentDays, day);
    const cell = cells.get(agentId) ?? {};
    addInto(cell, { ...delta, refs: 1 }, sign);
    if (cell.refs) cells.set(agentId, cell);
    else {
      cells.delete(agentId);
      if (cells.size === 0) this.agentDays.delete(day);
    }
  }

  private addTimed(recordKey: string, entry: TimedEntry, sign: 1 | -1): void {
    const day = this.calendar.dateOf(entry.at);
    this.bump(day);
    const byRecord = nested(this.timed, day);
    if (sign === 1) {
      byRecord.set(recordKey, [...(byRecord.get(recordKey) ?? []), entry]);
      return;
    }
    byRecord.delete(recordKey);
    if (byRecord.size === 0) this.timed.delete(day);
  }

  /** Filtered sums of the local dates `[from, to)` by group key, with `asOf`-dependent parts resolved. Backlog is filled in by `backlogAt`. */
  collect(from: LocalDate, to: LocalDate, ctx: CollectContext): RangeTotals {
    const view = this.view(ctx.filters);
    const cutoff = ctx.asOf - ctx.fcrWindowMs;
    const agents = new Map<string, AgentCell>();
    const parts: ReadonlyMap<string, CellVector>[] = [];
    for (const day of CivilDate.days(from, to)) {
      const start = this.calendar.startOf(day);
      const end = this.calendar.endOf(day);
      const boundary = (start <= ctx.asOf && ctx.asOf < end) || (start <= cutoff && cutoff < end);
      // Whole days entirely past asOf (or the FCR cut-off) are settled from the counts alone.
      parts.push(boundary ? this.boundaryDay(day, start, end, ctx.asOf, cutoff, view) : this.settledDay(day, end <= ctx.asOf, start > cutoff, view));
      // Agent time is summed afresh: which agents pass a team filter follows their current teams.
      for (const [agentId, cell] of this.agentDays.get(day) ?? []) {
        if (!agentMatchesFilters(agentId, ctx.teamsOfAgent(agentId), ctx.filters)) continue;
        const sums = agents.get(agentId) ?? {};
        addInto(sums, cell);
        agents.set(agentId, sums);
      }
    }
    // One day (a daily series point) is its cached sums as they are; a longer range adds its days up.
    let cells: ReadonlyMap<string, CellVector>;
    if (parts.length === 1 && parts[0]) cells = parts[0];
    else {
      const sums = new Map<string, CellVector>();
      for (const part of parts) {
        for (const [group, v] of part) addVector(vectorAt(sums, group), v);
      }
      cells = sums;
    }
    return { from, to, cells, agents, observed: this.calendar.startOf(from) <= ctx.asOf, backlog: 0 };
  }

  /**
   * Open tickets passing the filters at the end of each given local date (ascending): the running
   * sum of every day's `backlogDelta` up to it.
   */
  backlogAt(lastDays: readonly LocalDate[], filters: KpiFilters | undefined): number[] {
    const view = this.view(filters);
    const days = [...this.days.keys()].sort();
    const out: number[] = [];
    let running = 0;
    let next = 0;
    for (const last of lastDays) {
      for (; next < days.length && (days[next] ?? '') <= last; next++) running += this.backlogDeltaOf(days[next] ?? '', view);
      out.push(running);
    }
    return out;
  }

  /** A settled day's filtered sums by group, cached until the day changes. Read-only. */
  private settledDay(day: LocalDate, pastAsOf: boolean, provisional: boolean, view: FilterView): ReadonlyMap<string, CellVector> {
    const slot = `${day}|${pastAsOf ? 1 : 0}${provisional ? 1 : 0}`;
    const version = this.versions.get(day) ?? 0;
    const hit = view.days.get(slot);
    if (hit && hit.version === version) return hit.cells;
    const cells = new Map<string, CellVector>();
    for (const [key, cell] of this.days.get(day) ?? []) {
      const group = view.groupOf(key);
      if (group === null) continue;
      const sums = vectorAt(cells, group);
      addVector(sums, cell);
      if (pastAsOf) {
        sums[SLA_FIRST_DUE] = (sums[SLA_FIRST_DUE] as number) + (cell[SLA_FIRST_PENDING] as number);
        sums[SLA_RESOLUTION_DUE] = (sums[SLA_RESOLUTION_DUE] as number) + (cell[SLA_RESOLUTION_PENDING] as number);
      }
      if (provisional) sums[FCR_PROVISIONAL] = (sums[FCR_PROVISIONAL] as number) + (cell[FCR_SOLVED] as number);
    }
    view.days.set(slot, { version, cells });
    return cells;
  }

  /** The day holding `asOf` or the FCR cut-off: its timed instants are resolved one by one (not cached). */
  private boundaryDay(day: LocalDate, start: number, end: number, asOf: number, cutoff: number, view: FilterView): Map<string, CellVector> {
    const cells = new Map<string, CellVector>();
    for (const [group, v] of this.settledDay(day, end <= asOf, start > cutoff, view)) {
      const copy = emptyVector();
      copy.set(v);
      cells.set(group, copy);
    }
    for (const entries of this.timed.get(day)?.values() ?? []) {
      for (const e of entries) {
        const group = view.groupOf(e.dims);
        if (group === null) continue;
        if (e.kind === 'solve') {
          if (start <= cutoff && e.at > cutoff) addCellInto(vectorAt(cells, group), { fcrProvisional: 1 });
        } else if (end > asOf && e.at <= asOf) addCellInto(vectorAt(cells, group), { [e.kind]: 1 });
      }
    }
    return cells;
  }

  private backlogDeltaOf(day: LocalDate, view: FilterView): number {
    const version = this.versions.get(day) ?? 0;
    const hit = view.backlog.get(day);
    if (hit && hit.version === version) return hit.delta;
    let delta = 0;
    for (const [key, cell] of this.days.get(day) ?? []) {
      const d = cell[BACKLOG_DELTA] as number;
      if (d !== 0 && view.groupOf(key) !== null) delta += d;
    }
    view.backlog.set(day, { version, delta });
    return delta;
  }

  /**
   * What is remembered for one set of filters: which dimension keys pass and their groups, and the
   * filtered sums of settled days. Kept for the most recently used filter sets (a wallboard and a
   * few supervisors' scopes ask the same ones again and again).
   */
  private view(filters: KpiFilters | undefined): FilterView {
    const signature = JSON.stringify(filters ?? null);
    let view = this.views.get(signature);
    if (view) {
      this.views.delete(signature);
    } else {
      const groups = new Map<string, string | null>();
      view = {
        days: new Map(),
        backlog: new Map(),
        groupOf: (key) => {
          let group = groups.get(key);
          if (group === undefined) {
            group = matchesFilters(parseDimsKey(key), filters) ? groupKeyOf(key) : null;
            groups.set(key, group);
          }
          return group;
        },
      };
      if (this.views.size >= MAX_VIEWS) {
        const oldest = this.views.keys().next();
        if (!oldest.done) this.views.delete(oldest.value);
      }
    }
    this.views.set(signature, view);
    return view;
  }

  private bump(day: LocalDate): void {
    this.versions.set(day, (this.versions.get(day) ?? 0) + 1);
  }

  toJSON(): DailyAggregatesJson {
    const dump = <V>(m: Map<LocalDate, Map<string, V>>): [LocalDate, [string, V][]][] => [...m].map(([day, inner]) => [day, [...inner]]);
    const days: [LocalDate, [string, Cell][]][] = [...this.days].map(([day, inner]) => [day, [...inner].map(([key, v]) => [key, vectorToCell(v)])]);
    return { days, agentDays: dump(this.agentDays), timed: dump(this.timed) };
  }

  static fromJSON(json: DailyAggregatesJson, calendar: ZoneCalendar): DailyAggregates {
    const load = <V>(rows: [LocalDate, [string, V][]][]): Map<LocalDate, Map<string, V>> => new Map(rows.map(([day, inner]) => [day, new Map(inner)]));
    const out = new DailyAggregates(calendar);
    out.days = new Map(
      json.days.map(([day, inner]) => [
        day,
        new Map(
          inner.map(([key, cell]) => {
            const v = emptyVector();
            addCellInto(v, cell);
            return [key, v];
          }),
        ),
      ]),
    );
    out.agentDays = load(json.agentDays);
    out.timed = load(json.timed);
    return out;
  }
}
