/** How a KPI value reads: seconds (durations), percent (0–100), count, or score (NPS, −100…100). */
export type KpiUnit = 'seconds' | 'percent' | 'count' | 'score';
/** Which way is better; `neutral` for figures that are context, not a goal (volume). */
export type KpiDirection = 'higher' | 'lower' | 'neutral';

/** Scalar KPI ids: the values a chart, a wallboard tile or an export column shows. */
export const KPI_IDS = [
  'tma',
  'tmaPhone',
  'tmaEmail',
  'tmaChat',
  'tmaWhatsapp',
  'tmaSocial',
  'tmaWeb',
  'tmeVoice',
  'tmeDigital',
  'tmrBusiness',
  'tmrCalendar',
  'fcr',
  'csat',
  'csatResponseRate',
  'nps',
  'npsResponseRate',
  'slaFirstResponse',
  'slaResolution',
  'serviceLevel',
  'abandonment',
  'occupancy',
  'backlog',
  'volume',
] as const;
export type KpiId = (typeof KPI_IDS)[number];

/** What the UI needs to show a KPI; labels are i18n keys (catalogs live in shared/i18n). */
export interface KpiMeta {
  id: KpiId;
  unit: KpiUnit;
  direction: KpiDirection;
  /** i18n key of the short label, e.g. `kpi.tma` (camelCase ids: no key is a prefix of another). */
  labelKey: `kpi.${KpiId}`;
  /** i18n key of the one-line definition shown in tooltips. */
  descriptionKey: `kpiHelp.${KpiId}`;
}

const UNITS: Record<KpiId, readonly [KpiUnit, KpiDirection]> = {
  tma: ['seconds', 'lower'],
  tmaPhone: ['seconds', 'lower'],
  tmaEmail: ['seconds', 'lower'],
  tmaChat: ['seconds', 'lower'],
  tmaWhatsapp: ['seconds', 'lower'],
  tmaSocial: ['seconds', 'lower'],
  tmaWeb: ['seconds', 'lower'],
  tmeVoice: ['seconds', 'lower'],
  tmeDigital: ['seconds', 'lower'],
  tmrBusiness: ['seconds', 'lower'],
  tmrCalendar: ['seconds', 'lower'],
  fcr: ['percent', 'higher'],
  csat: ['percent', 'higher'],
  csatResponseRate: ['percent', 'higher'],
  nps: ['score', 'higher'],
  npsResponseRate: ['percent', 'higher'],
  slaFirstResponse: ['percent', 'higher'],
  slaResolution: ['percent', 'higher'],
  serviceLevel: ['percent', 'higher'],
  abandonment: ['percent', 'lower'],
  // Neither extreme is good for occupancy (burn-out above ~85 %), but the usual goal is to raise it.
  occupancy: ['percent', 'higher'],
  backlog: ['count', 'lower'],
  volume: ['count', 'neutral'],
};

/** Metadata of every KPI, in display order. */
export const KPI_CATALOG: readonly KpiMeta[] = KPI_IDS.map((id) => ({
  id,
  unit: UNITS[id][0],
  direction: UNITS[id][1],
  labelKey: `kpi.${id}` as const,
  descriptionKey: `kpiHelp.${id}` as const,
}));

/** True for a known KPI id (e.g. from a query string). */
export function isKpiId(value: unknown): value is KpiId {
  return typeof value === 'string' && (KPI_IDS as readonly string[]).includes(value);
}
