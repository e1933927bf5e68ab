import type { BucketSize, LocalDate } from '../../../../shared/kpi';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}:${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    // Local dates are calendar dates: format them as UTC midnights so no zone shifts the day.
    f = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    cache.set(key, f);
  }
  return f;
}

const at = (date: LocalDate) => new Date(`${date}T00:00:00Z`);

/** "12/11/2026" (pt-BR) · "11/12/2026" (en). */
export function formatLocalDate(date: LocalDate, language: string): string {
  return fmt(language, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(at(date));
}

/** Short axis label of a bucket: "12/11", week "9/11" (its first day), month "nov. de 26"/"Nov 26". */
export function bucketAxisLabel(from: LocalDate, size: BucketSize, language: string): string {
  if (size === 'month') return fmt(language, { month: 'short', year: '2-digit' }).format(at(from));
  return fmt(language, { day: '2-digit', month: '2-digit' }).format(at(from));
}

/** Long label (tooltips, drill-down titles): "qui., 12/11/2026", "9/11 – 15/11/2026", "novembro de 2026". */
export function bucketLongLabel(from: LocalDate, to: LocalDate, size: BucketSize, language: string): string {
  if (size === 'month') return fmt(language, { month: 'long', year: 'numeric' }).format(at(from));
  if (size === 'day') return fmt(language, { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' }).format(at(from));
  const last = new Date(at(to).getTime() - 86_400_000);
  return `${fmt(language, { day: '2-digit', month: '2-digit' }).format(at(from))} – ${fmt(language, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(last)}`;
}

/** "01/11/2026 – 30/11/2026" for an API period (`to` exclusive). */
export function periodLabel(from: LocalDate, to: LocalDate, language: string): string {
  const last = new Date(at(to).getTime() - 86_400_000).toISOString().slice(0, 10);
  return from === last ? formatLocalDate(from, language) : `${formatLocalDate(from, language)} – ${formatLocalDate(last, language)}`;
}
