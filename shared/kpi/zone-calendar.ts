import { CivilDate, type BucketSize, type LocalDate } from './civil-date';

/** The operation's zone when none is configured (KPIS.md). */
export const DEFAULT_TIME_ZONE = 'America/Sao_Paulo';

/** One bucket of a series, clipped to the requested range. */
export interface Bucket {
  /** `2026-03-09`, `2026-W11` or `2026-03`. */
  key: string;
  /** First local date in the bucket (inclusive). */
  from: LocalDate;
  /** First local date after the bucket (exclusive). */
  to: LocalDate;
  /** Instant the bucket starts, ISO UTC. */
  start: string;
  /** Instant the bucket ends (exclusive), ISO UTC. */
  end: string;
}

/** Offsets in use lie within UTC−12…UTC+14; searching ±15 h around UTC midnight brackets every local midnight. */
const SEARCH_SECONDS = 15 * 3600;

/**
 * Instants ↔ local calendar dates in one IANA zone, with `Intl.DateTimeFormat` only (no tz
 * database of our own), so it runs in the renderer as well as in Node. Days are the zone's
 * calendar days: across a DST change a day lasts 23 or 25 hours, and a day whose midnight is
 * skipped starts at the first instant that exists.
 */
export class ZoneCalendar {
  private readonly format: Intl.DateTimeFormat;
  /** Day number (days since 1970-01-01) → first instant of that local date; and → its name. */
  private readonly starts = new Map<number, number>();
  private readonly names = new Map<number, LocalDate>();

  /** Throws `RangeError` for a zone the runtime does not know. */
  constructor(readonly timeZone: string = DEFAULT_TIME_ZONE) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
  }

  /** Local date of an instant (ISO string or epoch ms). */
  dateOf(instant: number | string): LocalDate {
    const ms = typeof instant === 'number' ? instant : Date.parse(instant);
    if (!Number.isFinite(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
    // The local date is the UTC date or one next to it; memoized day starts decide which, so
    // the (slow) formatter runs only while a date is first seen.
    let day = Math.floor(ms / 86_400_000);
    if (ms < this.startOfDay(day)) day -= 1;
    else if (ms >= this.startOfDay(day + 1)) day += 1;
    let date = this.names.get(day);
    if (date === undefined) {
      date = CivilDate.fromDayNumber(day);
      this.names.set(day, date);
    }
    return date;
  }

  /** First instant (epoch ms) of a local date. */
  startOf(date: LocalDate): number {
    return this.startOfDay(CivilDate.toDayNumber(date));
  }

  private startOfDay(day: number): number {
    const cached = this.starts.get(day);
    if (cached !== undefined) return cached;
    const date = CivilDate.fromDayNumber(day);
    // Binary search on whole seconds for the first instant whose local date is `date`: offsets
    // and transitions fall on whole seconds, and this needs no knowledge of the zone's rules.
    let lo = day * 86_400 - SEARCH_SECONDS;
    let hi = day * 86_400 + SEARCH_SECONDS;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.formattedDate(mid * 1000) < date) lo = mid;
      else hi = mid;
    }
    const start = hi * 1000;
    this.starts.set(day, start);
    return start;
  }

  private formattedDate(ms: number): LocalDate {
    let year = '';
    let month = '';
    let day = '';
    for (const part of this.format.formatToParts(ms)) {
      if (part.type === 'year') year = part.value.padStart(4, '0');
      else if (part.type === 'month') month = part.value;
      else if (part.type === 'day') day = part.value;
    }
    return `${year}-${month}-${day}`;
  }

  /** First instant after a local date (the next date's start). */
  endOf(date: LocalDate): number {
    return this.startOf(CivilDate.addDays(date, 1));
  }

  /** Bucket key of an instant in this zone. */
  bucketKey(instant: number | string, size: BucketSize): string {
    return CivilDate.bucketKey(this.dateOf(instant), size);
  }

  /** Start and end instants (epoch ms, end exclusive) of a bucket key. */
  bucketInstants(key: string, size: BucketSize): { start: number; end: number } {
    return { start: this.startOf(CivilDate.bucketStart(key, size)), end: this.startOf(CivilDate.bucketEnd(key, size)) };
  }

  /** The buckets covering the local dates `[from, to)`, the first and last clipped to the range. */
  buckets(from: LocalDate, to: LocalDate, size: BucketSize): Bucket[] {
    const out: Bucket[] = [];
    let cursor = from;
    while (cursor < to) {
      const key = CivilDate.bucketKey(cursor, size);
      const bucketEnd = CivilDate.bucketEnd(key, size);
      const end = bucketEnd < to ? bucketEnd : to;
      out.push({
        key,
        from: cursor,
        to: end,
        start: new Date(this.startOf(cursor)).toISOString(),
        end: new Date(this.startOf(end)).toISOString(),
      });
      cursor = end;
    }
    return out;
  }
}
