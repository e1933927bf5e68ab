import { KPI_CATALOG, KPI_IDS, type KpiId, type KpiUnit } from '../../../shared/kpi';

/**
 * KPI values as the supervisor screens show them, through Intl in the UI language: times as
 * m:ss (h:mm:ss past an hour), rates as "87,5 %", NPS as a signed score, counts grouped.
 */

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language, options);
    cache.set(key, f);
  }
  return f;
}

export function unitOf(kpi: KpiId): KpiUnit {
  return KPI_CATALOG[KPI_IDS.indexOf(kpi)]?.unit ?? 'count';
}

export function directionOf(kpi: KpiId): 'higher' | 'lower' | 'neutral' {
  return KPI_CATALOG[KPI_IDS.indexOf(kpi)]?.direction ?? 'neutral';
}

/** "6:05", "1:02:09"; negative values keep their sign. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.round(Math.abs(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${rest}` : `${sign}${m}:${rest}`;
}

/** "87,5 %" (pt-BR) · "87.5%" (en); at most one decimal. */
export function formatPercent(value: number, language: string, digits = 1): string {
  return numberFormat(language, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value / 100);
}

export function formatCount(value: number, language: string): string {
  return numberFormat(language, { maximumFractionDigits: 0 }).format(value);
}

/** A KPI value in its unit; `—` for no data (KPIS.md: no data is null, never 0). */
export function formatKpi(kpi: KpiId, value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  switch (unitOf(kpi)) {
    case 'seconds':
      return formatDuration(value);
    case 'percent':
      return formatPercent(value, language);
    case 'score':
      return numberFormat(language, { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(value);
    default:
      return formatCount(value, language);
  }
}

/** Axis ticks: "6:00", "80 %" (whole percents), "1.234". */
export function formatAxis(kpi: KpiId, value: number, language: string): string {
  return unitOf(kpi) === 'percent' ? formatPercent(value, language, 0) : formatKpi(kpi, value, language);
}

/** "≤" for KPIs where lower is better, "≥" where higher is. */
export function targetOperator(kpi: KpiId): string {
  return directionOf(kpi) === 'lower' ? '≤' : '≥';
}

/** Parses "6:00", "1:02:09" or plain seconds ("360") to seconds; null when it is neither. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const m = /^(?:(\d+):)?(\d{1,3}):([0-5]\d)$/.exec(trimmed);
  if (!m) return null;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** Parses "87,5" or "87.5" (either decimal mark); null when not a number. */
export function parseDecimal(text: string): number | null {
  const normalized = text.trim().replace(/\s|%/g, '').replace('−', '-').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalized)) return null;
  return Number(normalized);
}
