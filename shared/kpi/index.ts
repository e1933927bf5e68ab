/**
 * KPI engine (KPIS.md): definitions, time-zone buckets, incremental aggregates and the reference
 * implementation. Pure: no I/O, no Node APIs, so the renderer can use it too.
 */
export { CivilDate, type BucketSize, type LocalDate } from './civil-date';
export { ZoneCalendar, DEFAULT_TIME_ZONE, type Bucket } from './zone-calendar';
export { KPI_CATALOG, KPI_IDS, isKpiId, type KpiDirection, type KpiId, type KpiMeta, type KpiUnit } from './kpi-catalog';
export { KpiAggregator, type KpiAggregatorSnapshot, type KpiRestoreResult } from './kpi-aggregator';
export { computeFromHistory, type KpiHistoryQuery } from './kpi-history';
export { createRecordFacts } from './record-facts';
export type { KpiDims } from './kpi-cells';
export {
  calendarSeconds,
  resolveKpiOptions,
  type AgentStateSpan,
  type BusinessSecondsFn,
  type KpiAgentRow,
  type KpiFacts,
  type KpiFilters,
  type KpiOptions,
  type KpiPeriodQuery,
  type KpiRecords,
  type KpiSeriesPoint,
  type KpiSeriesQuery,
  type KpiSummary,
  type ResolvedKpiOptions,
  type SlaTargetResult,
} from './kpi-types';
