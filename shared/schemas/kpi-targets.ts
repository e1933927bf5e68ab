import { z } from 'zod';
import { KPI_CATALOG, KPI_IDS, type KpiId, type KpiUnit } from '../kpi/kpi-catalog';

/**
 * Targets of the operation's KPIs (wallboard tiles, target lines of the report charts). One number
 * per KPI in the KPI's own unit: seconds for times, 0–100 for rates, −100…100 for NPS. Whether a
 * value meets its target follows the KPI's direction (TMA ≤ target, FCR ≥ target).
 */
export type KpiTargets = Partial<Record<KpiId, number>>;

/** Store setting holding the targets an admin changed (defaults apply to the others). */
export const KPI_TARGETS_SETTING = 'kpi.targets';

/** Targets of a floor nobody has configured yet. */
export const DEFAULT_KPI_TARGETS: Readonly<KpiTargets> = {
  tma: 360,
  tmeVoice: 20,
  fcr: 75,
  csat: 85,
  serviceLevel: 80,
  abandonment: 5,
  slaFirstResponse: 90,
  slaResolution: 90,
};

/** What a target may be, per unit; durations up to 30 days. */
function targetSchema(unit: KpiUnit): z.ZodNumber {
  switch (unit) {
    case 'seconds':
      return z.number().min(0, 'target_min').max(30 * 86_400, 'target_max');
    case 'percent':
      return z.number().min(0, 'target_min').max(100, 'target_max');
    case 'score':
      return z.number().min(-100, 'target_min').max(100, 'target_max');
    case 'count':
      return z.number().int('target_integer').min(0, 'target_min').max(10_000_000, 'target_max');
  }
}

/**
 * A change of targets: per KPI id a value in its unit, or `null` to have no target for it. Keys
 * not given keep their current target; unknown keys are refused.
 */
export const KpiTargetsPatchSchema = z
  .object(Object.fromEntries(KPI_CATALOG.map((k) => [k.id, targetSchema(k.unit).nullable().optional()])) as Record<KpiId, z.ZodOptional<z.ZodNullable<z.ZodNumber>>>)
  .strict();
export type KpiTargetsPatch = Partial<Record<KpiId, number | null>>;

/** Whether `value` meets `target` for this KPI (`null` when either is missing or the KPI has no direction). */
export function meetsTarget(kpi: KpiId, value: number | null | undefined, target: number | null | undefined): boolean | null {
  if (value === null || value === undefined || target === null || target === undefined) return null;
  const direction = KPI_CATALOG[KPI_IDS.indexOf(kpi)]?.direction;
  if (direction === 'lower') return value <= target;
  if (direction === 'higher') return value >= target;
  return null;
}
