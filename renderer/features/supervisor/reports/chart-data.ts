import type { BucketSize, KpiId, LocalDate } from '../../../../shared/kpi';
import { CHANNELS, type Channel } from '../../../../shared/schemas/common';
import type { RouterOutputs } from '../../../lib/trpc';
import { unitOf } from '../kpi-format';
import { bucketAxisLabel, bucketLongLabel } from './bucket-label';

type SeriesPoint = RouterOutputs['metrics']['series'][number];
type VolumePoint = RouterOutputs['reports']['volume'][number];

/** One bucket of a chart, the one shape every chart of the reports takes. */
export interface ChartPoint {
  key: string;
  from: LocalDate;
  to: LocalDate;
  /** Axis tick ("12/11") and tooltip / drill-down title ("qui., 12/11/2026"). */
  label: string;
  longLabel: string;
  /** KPI values by id (null: no data in the bucket). */
  values: Partial<Record<KpiId, number | null>>;
  /** Contacts created by channel (volume chart). */
  volume: Record<Channel, number>;
  volumeTotal: number;
  fcrProvisional: boolean;
}

/** Joins the KPI series and the volume by channel into chart points, bucket by bucket. */
export function toChartPoints(series: readonly SeriesPoint[], volume: readonly VolumePoint[], size: BucketSize, language: string): ChartPoint[] {
  const byKey = new Map(volume.map((v) => [v.key, v]));
  return series.map((p) => {
    const v = byKey.get(p.key);
    return {
      key: p.key,
      from: p.from,
      to: p.to,
      label: bucketAxisLabel(p.from, size, language),
      longLabel: bucketLongLabel(p.from, p.to, size, language),
      values: p.values,
      volume: v ? v.byChannel : (Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>),
      volumeTotal: v?.total ?? 0,
      fcrProvisional: p.fcrProvisional,
    };
  });
}

const SECOND_STEPS = [5, 10, 15, 30, 60, 120, 180, 300, 600, 900, 1800, 3600, 7200, 14_400, 28_800, 86_400];
const PERCENT_STEPS = [5, 10, 20, 25];

/**
 * Axis ticks at round values of the KPI's unit (whole minutes for times, tens for rates) that
 * cover the data and the target, about five of them.
 */
export function niceTicks(kpi: KpiId, values: readonly (number | null | undefined)[], target?: number): { domain: [number, number]; ticks: number[] } {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (target !== undefined) known.push(target);
  const unit = unitOf(kpi);
  if (unit === 'percent') {
    const lo = known.length ? Math.min(...known) : 0;
    const hi = known.length ? Math.max(...known) : 100;
    const step = PERCENT_STEPS.find((s) => (Math.ceil(hi / s) - Math.floor(lo / s)) <= 5) ?? 25;
    const min = Math.max(0, Math.floor(lo / step) * step - (lo > step ? step : 0));
    const max = Math.min(100, Math.max(min + step, Math.ceil(hi / step) * step));
    return { domain: [min, max], ticks: range(min, max, step) };
  }
  const hi = known.length ? Math.max(...known) : 1;
  const steps = unit === 'seconds' ? SECOND_STEPS : [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000];
  const step = steps.find((s) => Math.ceil(hi / s) <= 5) ?? Math.ceil(hi / 5);
  const max = Math.max(step, Math.ceil(hi / step) * step);
  return { domain: [0, max], ticks: range(0, max, step) };
}

function range(min: number, max: number, step: number): number[] {
  const out: number[] = [];
  for (let v = min; v <= max + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}
