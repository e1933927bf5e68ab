import { CivilDate, type BucketSize, type LocalDate } from '../../../../shared/kpi';
import { CHANNELS, type Channel } from '../../../../shared/schemas/common';

export const PRESETS = ['today', 'last7', 'last30', 'thisMonth', 'custom'] as const;
export type RangePreset = (typeof PRESETS)[number];

/** What the reports screen shows, as kept in its address (`#/supervisor/reports?preset=last7&team=…`). */
export interface ReportParams {
  preset: RangePreset;
  /** Custom range, both inclusive (what the date inputs show). */
  from: LocalDate | null;
  to: LocalDate | null;
  bucket: BucketSize | null;
  teamIds: string[];
  channels: Channel[];
  agentIds: string[];
  queues: string[];
  categories: string[];
}

export const DEFAULT_PARAMS: ReportParams = { preset: 'last30', from: null, to: null, bucket: null, teamIds: [], channels: [], agentIds: [], queues: [], categories: [] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const list = (search: URLSearchParams, key: string) => (search.get(key) ?? '').split(',').map((v) => v.trim()).filter(Boolean).slice(0, 100);

export function parseReportParams(query: string): ReportParams {
  const search = new URLSearchParams(query);
  const preset = search.get('preset');
  const bucket = search.get('bucket');
  const from = search.get('from');
  const to = search.get('to');
  return {
    preset: (PRESETS as readonly string[]).includes(preset ?? '') ? (preset as RangePreset) : DEFAULT_PARAMS.preset,
    from: from && DATE.test(from) && CivilDate.isValid(from) ? from : null,
    to: to && DATE.test(to) && CivilDate.isValid(to) ? to : null,
    bucket: bucket === 'day' || bucket === 'week' || bucket === 'month' ? bucket : null,
    teamIds: list(search, 'team'),
    channels: list(search, 'channel').filter((c): c is Channel => (CHANNELS as readonly string[]).includes(c)),
    agentIds: list(search, 'agent'),
    queues: list(search, 'queue'),
    categories: list(search, 'category'),
  };
}

export function formatReportParams(p: ReportParams): string {
  const search = new URLSearchParams();
  if (p.preset !== DEFAULT_PARAMS.preset) search.set('preset', p.preset);
  if (p.preset === 'custom') {
    if (p.from) search.set('from', p.from);
    if (p.to) search.set('to', p.to);
  }
  if (p.bucket) search.set('bucket', p.bucket);
  const lists: [string, string[]][] = [['team', p.teamIds], ['channel', p.channels], ['agent', p.agentIds], ['queue', p.queues], ['category', p.categories]];
  for (const [key, values] of lists) if (values.length > 0) search.set(key, values.join(','));
  return search.toString();
}

/** The API period (`to` exclusive) of a preset, seen from `today` in the operation's zone; null for an invalid custom range. */
export function periodOf(p: ReportParams, today: LocalDate): { from: LocalDate; to: LocalDate } | null {
  const tomorrow = CivilDate.addDays(today, 1);
  switch (p.preset) {
    case 'today':
      return { from: today, to: tomorrow };
    case 'last7':
      return { from: CivilDate.addDays(today, -6), to: tomorrow };
    case 'last30':
      return { from: CivilDate.addDays(today, -29), to: tomorrow };
    case 'thisMonth':
      return { from: `${today.slice(0, 7)}-01`, to: tomorrow };
    case 'custom': {
      const from = p.from ?? CivilDate.addDays(today, -6);
      const to = p.to ?? today;
      if (to < from || CivilDate.daysBetween(from, to) >= 400) return null;
      return { from, to: CivilDate.addDays(to, 1) };
    }
  }
}

/** Bucket size that keeps a chart readable: days up to ~2 months, then weeks, then months. */
export function autoBucket(from: LocalDate, to: LocalDate): BucketSize {
  const days = CivilDate.daysBetween(from, to);
  return days <= 62 ? 'day' : days <= 190 ? 'week' : 'month';
}

export function activeFilterCount(p: ReportParams): number {
  return p.teamIds.length + p.channels.length + p.agentIds.length + p.queues.length + p.categories.length;
}

/** The API filters of the params (absent lists are "all"). */
export function apiFilters(p: ReportParams) {
  return {
    ...(p.teamIds.length ? { teamIds: p.teamIds } : {}),
    ...(p.channels.length ? { channels: p.channels } : {}),
    ...(p.agentIds.length ? { agentIds: p.agentIds } : {}),
    ...(p.queues.length ? { queues: p.queues } : {}),
    ...(p.categories.length ? { categories: p.categories } : {}),
  };
}
