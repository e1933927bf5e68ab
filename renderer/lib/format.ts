/**
 * Dates and numbers in the UI language, through Intl (pt-BR: 22/11/2026 19:15, 1.234,5).
 * Pure functions of (value, language, now) so they are testable without a DOM.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** "22/11/2026 19:15" (pt-BR) · "11/22/2026, 7:15 PM" (en). */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return cached(`dt:${language}`, () => new Intl.DateTimeFormat(language, { dateStyle: 'short', timeStyle: 'short' })).format(date);
}

/** "1.234" (pt-BR) · "1,234" (en). */
export function formatNumber(value: number, language: string): string {
  return cached(`n:${language}`, () => new Intl.NumberFormat(language)).format(value);
}

/**
 * "há 5 min." / "em 2 h" / "ontem" — minutes up to two hours (SLA precision matters there),
 * hours up to two days, then days. Under a minute: `nowLabel`.
 */
export function formatRelative(iso: string, nowMs: number, language: string, nowLabel: string): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '—';
  const diff = at - nowMs;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return nowLabel;
  const rtf = cached(`rt:${language}`, () => new Intl.RelativeTimeFormat(language, { style: 'short', numeric: 'auto' }));
  if (abs < 2 * HOUR) return rtf.format(Math.trunc(diff / MINUTE), 'minute');
  if (abs < 2 * DAY) return rtf.format(Math.trunc(diff / HOUR), 'hour');
  return rtf.format(Math.trunc(diff / DAY), 'day');
}

export type SlaLevel = 'none' | 'ok' | 'soon' | 'overdue';

/** Due within this window: amber. */
export const SLA_SOON_MS = HOUR;

export function slaLevel(dueIso: string | null, nowMs: number): SlaLevel {
  if (!dueIso) return 'none';
  const due = new Date(dueIso).getTime();
  if (Number.isNaN(due)) return 'none';
  if (due <= nowMs) return 'overdue';
  return due - nowMs <= SLA_SOON_MS ? 'soon' : 'ok';
}

/** "19:15" (pt-BR) · "7:15 PM" (en). */
export function formatTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return cached(`t:${language}`, () => new Intl.DateTimeFormat(language, { timeStyle: 'short' })).format(date);
}

/** "22/11/2026" (pt-BR) · "11/22/2026" (en). */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return cached(`d:${language}`, () => new Intl.DateTimeFormat(language, { day: '2-digit', month: '2-digit', year: 'numeric' })).format(date);
}

/** Cents in a currency: "R$ 1.234,56" (pt-BR) · "R$1,234.56" (en). An unknown currency code shows the number and the code. */
export function formatMoney(cents: number, currency: string, language: string): string {
  const value = cents / 100;
  try {
    return cached(`m:${language}:${currency}`, () => new Intl.NumberFormat(language, { style: 'currency', currency })).format(value);
  } catch {
    return `${cached(`m2:${language}`, () => new Intl.NumberFormat(language, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(value)} ${currency}`;
  }
}
