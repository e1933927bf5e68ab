/**
 * Calendar dates without a time zone ("civil" dates, `YYYY-MM-DD`) and the day/week/month bucket
 * keys built on them. Pure arithmetic on the proleptic Gregorian calendar: the zone only matters
 * when an instant is turned into a date, which `ZoneCalendar` does.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Bucket sizes of KPI series. Weeks are ISO weeks (Monday first). */
export type BucketSize = 'day' | 'week' | 'month';

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Civil-date helpers; grouped in one object so the module has one main export. */
export const CivilDate = {
  /** True for a real date such as `2026-02-28` (not `2026-02-30`). */
  isValid(date: string): boolean {
    const m = DATE_RE.exec(date);
    if (!m) return false;
    return CivilDate.fromDayNumber(CivilDate.toDayNumber(date)) === date;
  },

  /** Days since 1970-01-01 (UTC arithmetic is zone-free for whole dates). */
  toDayNumber(date: LocalDate): number {
    const m = DATE_RE.exec(date);
    if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
    return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
  },

  fromDayNumber(day: number): LocalDate {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  },

  /** The date `days` later (negative: earlier). */
  addDays(date: LocalDate, days: number): LocalDate {
    return CivilDate.fromDayNumber(CivilDate.toDayNumber(date) + days);
  },

  /** Whole days from `from` to `to` (negative when `to` is earlier). */
  daysBetween(from: LocalDate, to: LocalDate): number {
    return CivilDate.toDayNumber(to) - CivilDate.toDayNumber(from);
  },

  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  isoWeekday(date: LocalDate): number {
    // 1970-01-01 was a Thursday (ISO 4).
    return ((((CivilDate.toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
  },

  /** Key of the bucket holding `date`: `2026-03-09`, `2026-W11` or `2026-03`. */
  bucketKey(date: LocalDate, size: BucketSize): string {
    if (size === 'day') return date;
    if (size === 'month') return date.slice(0, 7);
    // The ISO week belongs to the year of its Thursday.
    const thursday = CivilDate.addDays(date, 4 - CivilDate.isoWeekday(date));
    const year = thursday.slice(0, 4);
    const week = Math.floor(CivilDate.daysBetween(`${year}-01-01`, thursday) / 7) + 1;
    return `${year}-W${String(week).padStart(2, '0')}`;
  },

  /** First date of a bucket key. */
  bucketStart(key: string, size: BucketSize): LocalDate {
    if (size === 'day') {
      if (!CivilDate.isValid(key)) throw new RangeError(`not a day key: ${key}`);
      return key;
    }
    if (size === 'month') {
      const m = MONTH_RE.exec(key);
      if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new RangeError(`not a month key: ${key}`);
      return `${key}-01`;
    }
    const m = WEEK_RE.exec(key);
    if (!m) throw new RangeError(`not a week key: ${key}`);
    // Week 1 is the week holding January 4th.
    const jan4 = `${m[1]}-01-04`;
    const week1Monday = CivilDate.addDays(jan4, 1 - CivilDate.isoWeekday(jan4));
    return CivilDate.addDays(week1Monday, (Number(m[2]) - 1) * 7);
  },

  /** First date after a bucket (exclusive end). */
  bucketEnd(key: string, size: BucketSize): LocalDate {
    const start = CivilDate.bucketStart(key, size);
    if (size === 'day') return CivilDate.addDays(start, 1);
    if (size === 'week') return CivilDate.addDays(start, 7);
    const year = Number(start.slice(0, 4));
    const month = Number(start.slice(5, 7));
    return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  },

  /** Every date in `[from, to)`, in order. */
  *days(from: LocalDate, to: LocalDate): Generator<LocalDate> {
    const end = CivilDate.toDayNumber(to);
    for (let d = CivilDate.toDayNumber(from); d < end; d++) yield CivilDate.fromDayNumber(d);
  },
};
