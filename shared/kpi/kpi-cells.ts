import type { Channel } from '../schemas';
import type { KpiFilters } from './kpi-types';

/**
 * Additive counters and sums: every KPI is a ratio or a total of these, so a period is the sum of
 * its days and a changed record is subtracted and added again. Sums always travel with a count.
 */
export const CELL_FIELDS = [
  /** Contributions in the cell; the cell is dropped at 0 (sums alone may keep float dust). */
  'refs',
  'volume',
  /** +1 on the day a ticket becomes unsolved, −1 on the day it is solved (backlog = running sum). */
  'backlogDelta',
  'handleSum',
  'handleCount',
  'waitVoiceSum',
  'waitVoiceCount',
  'waitDigitalSum',
  'waitDigitalCount',
  'resolveBusinessSum',
  'resolveCalendarSum',
  'resolveCount',
  'fcrSolved',
  'fcrFirst',
  'csatSent',
  'csatAnswers',
  'csatPositive',
  'npsSent',
  'npsAnswers',
  'npsPromoters',
  'npsDetractors',
  'slaFirstDue',
  'slaFirstMet',
  /** First-response targets not met yet: missed once their due instant is past `asOf`. */
  'slaFirstPending',
  'slaResolutionDue',
  'slaResolutionMet',
  'slaResolutionPending',
  'offered',
  'answeredWithin',
  'abandoned',
  'shortAbandons',
  /** Query-time only: provisional FCR solves, and the backlog at the end of the range. */
  'fcrProvisional',
  'backlog',
] as const;
export type CellField = (typeof CELL_FIELDS)[number];
export type Cell = Partial<Record<CellField, number>>;

/** A cell as a fixed-length vector (index = position in `CELL_FIELDS`): what the aggregates store and queries add up. */
export type CellVector = Float64Array;
export const CELL_INDEX = Object.fromEntries(CELL_FIELDS.map((f, i) => [f, i])) as Record<CellField, number>;
const CELL_WIDTH = CELL_FIELDS.length;

export function emptyVector(): CellVector {
  return new Float64Array(CELL_WIDTH);
}

/** The vector under `key`, created empty when missing. */
export function vectorAt<K>(map: Map<K, CellVector>, key: K): CellVector {
  let v = map.get(key);
  if (!v) {
    v = emptyVector();
    map.set(key, v);
  }
  return v;
}

/** `target += sign × cell`, from the sparse object form. */
export function addCellInto(target: CellVector, cell: Cell, sign = 1): void {
  for (const field in cell) {
    const value = cell[field as CellField];
    if (!value) continue;
    const i = CELL_INDEX[field as CellField];
    target[i] = (target[i] as number) + sign * value;
  }
}

/** `target += source`, vector by vector. */
export function addVector(target: CellVector, source: CellVector): void {
  for (let i = 0; i < CELL_WIDTH; i++) target[i] = (target[i] as number) + (source[i] as number);
}

/** The sparse object form of a vector (zero fields left out). */
export function vectorToCell(v: CellVector): Cell {
  const cell: Cell = {};
  for (let i = 0; i < CELL_WIDTH; i++) {
    const value = v[i] ?? 0;
    if (value !== 0) cell[CELL_FIELDS[i] as CellField] = value;
  }
  return cell;
}

/** Agent time for occupancy, per agent and day. */
// State time in whole milliseconds so adding and subtracting spans is exact (an emptied day is 0, not dust).
export const AGENT_FIELDS = ['refs', 'handlingMs', 'availableMs', 'digitalSeconds'] as const;
export type AgentField = (typeof AGENT_FIELDS)[number];
export type AgentCell = Partial<Record<AgentField, number>>;

/** The dimensions a contact is filtered and broken down by. */
export interface KpiDims {
  channel: Channel | null;
  teamId: string | null;
  agentId: string | null;
  queue: string | null;
  category: string | null;
}

export const NO_DIMS: KpiDims = { channel: null, teamId: null, agentId: null, queue: null, category: null };

/** Stable key of a dimension combination. */
export function dimsKey(d: KpiDims): string {
  return JSON.stringify([d.channel, d.teamId, d.agentId, d.queue, d.category]);
}

/** Parsed keys, memoized: queries parse the same few thousand keys over and over. Read-only. */
const parsedKeys = new Map<string, Readonly<KpiDims>>();

export function parseDimsKey(key: string): Readonly<KpiDims> {
  let dims = parsedKeys.get(key);
  if (!dims) {
    const [channel, teamId, agentId, queue, category] = JSON.parse(key) as [Channel | null, string | null, string | null, string | null, string | null];
    dims = { channel, teamId, agentId, queue, category };
    if (parsedKeys.size >= 100_000) parsedKeys.clear();
    parsedKeys.set(key, dims);
  }
  return dims;
}

/**
 * Queries break contacts down by channel, team and agent only (queue and category are filter-only),
 * so range totals are keyed by this coarser group: far fewer keys to add up than full dimensions.
 */
export interface KpiGroup {
  channel: Channel | null;
  teamId: string | null;
  agentId: string | null;
}

const groupKeys = new Map<string, string>();
const parsedGroups = new Map<string, Readonly<KpiGroup>>();

/** The group key of a full dimensions key (memoized). */
export function groupKeyOf(dimsKeyValue: string): string {
  let key = groupKeys.get(dimsKeyValue);
  if (key === undefined) {
    const d = parseDimsKey(dimsKeyValue);
    key = JSON.stringify([d.channel, d.teamId, d.agentId]);
    if (groupKeys.size >= 100_000) groupKeys.clear();
    groupKeys.set(dimsKeyValue, key);
  }
  return key;
}

export function parseGroupKey(key: string): Readonly<KpiGroup> {
  let group = parsedGroups.get(key);
  if (!group) {
    const [channel, teamId, agentId] = JSON.parse(key) as [Channel | null, string | null, string | null];
    group = { channel, teamId, agentId };
    if (parsedGroups.size >= 100_000) parsedGroups.clear();
    parsedGroups.set(key, group);
  }
  return group;
}

/** `target += sign × delta`, field by field. */
export function addInto<F extends string>(target: Partial<Record<F, number>>, delta: Partial<Record<F, number>>, sign = 1): void {
  for (const field of Object.keys(delta) as F[]) {
    const value = delta[field];
    if (value === undefined || value === 0) continue;
    target[field] = (target[field] ?? 0) + sign * value;
  }
}

function allows(list: readonly string[] | undefined, value: string | null): boolean {
  return list === undefined || (value !== null && list.includes(value));
}

/** Whether a contact with these dimensions passes the filters. */
export function matchesFilters(d: KpiDims, f: KpiFilters | undefined): boolean {
  if (!f) return true;
  return (
    allows(f.channels, d.channel) &&
    allows(f.teamIds, d.teamId) &&
    allows(f.agentIds, d.agentId) &&
    allows(f.queues, d.queue) &&
    allows(f.categories, d.category)
  );
}

/** Whether an agent's time passes the filters (agent and team only; see `KpiFilters`). */
export function agentMatchesFilters(agentId: string, teams: readonly string[], f: KpiFilters | undefined): boolean {
  if (!f) return true;
  if (f.agentIds && !f.agentIds.includes(agentId)) return false;
  if (f.teamIds) {
    const wanted = f.teamIds;
    if (!teams.some((t) => wanted.includes(t))) return false;
  }
  return true;
}
