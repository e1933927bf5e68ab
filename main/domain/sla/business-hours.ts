import { minutesOfDay, type BusinessCalendar } from '../../../shared/schemas/sla';
import {
  MS_PER_MINUTE,
  isoDateOfDay,
  localDayNumber,
  weekdayOfDay,
  zonedWallTimeToInstant,
} from './zoned-time';

/**
 * Time arithmetic inside a business calendar. Business time is real elapsed time that falls
 * inside the calendar's opening intervals (so an interval crossing a DST change is 1 h shorter or
 * longer, as the clock on the wall says). The work is done day by day, never minute by minute.
 */

interface CompiledCalendar {
  holidays: ReadonlySet<string>;
  /** Per weekday: [startMinute, endMinute] from that day's midnight, sorted; end may pass 1440. */
  byWeekday: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

// Calendars are immutable values (parsed config), so the compiled form is cached per object.
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  let c = compiled.get(calendar);
  if (!c) {
    c = {
      holidays: new Set(calendar.holidays.map((h) => h.date)),
      byWeekday: calendar.weeklyHours.map((day) =>
        day
          .map((iv) => [minutesOfDay(iv.start), minutesOfDay(iv.end) + (iv.overnight ? 1440 : 0)] as const)
          .sort((a, b) => a[0] - b[0]),
      ),
    };
    compiled.set(calendar, c);
  }
  return c;
}

/**
 * Open periods (epoch ms, [start, end)) of the intervals that start on local day `day`. A holiday
 * closes the intervals that start on it; an overnight interval from the eve still runs into it.
 */
function openPeriodsOfDay(calendar: BusinessCalendar, c: CompiledCalendar, day: number): Array<readonly [number, number]> {
  if (c.holidays.has(isoDateOfDay(day))) return [];
  const intervals = c.byWeekday[weekdayOfDay(day)] ?? [];
  return intervals.map(([s, e]) => {
    const start = zonedWallTimeToInstant(calendar.timeZone, day, s);
    // A wall interval swallowed by a DST gap must not come out negative.
    return [start, Math.max(start, zonedWallTimeToInstant(calendar.timeZone, day, e))] as const;
  });
}

/** How many consecutive closed days mean the calendar can never open (validated calendars never get here). */
function closedDayLimit(c: CompiledCalendar): number {
  return 7 * (c.holidays.size + 2);
}

/** `start` plus `ms` of business time, in epoch ms. */
function addBusinessMs(calendar: BusinessCalendar, start: number, ms: number): number {
  if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`business time to add must be a finite non-negative number, got ${ms}`);
  if (calendar.kind === '24x7' || ms === 0) return start + ms;
  const c = compile(calendar);
  let remaining = ms;
  let cursor = start;
  let closedStreak = 0;
  // Start one day early: an overnight interval of the eve may still be open at `start`.
  for (let day = localDayNumber(calendar.timeZone, start) - 1; ; day++) {
    const periods = openPeriodsOfDay(calendar, c, day);
    closedStreak = periods.length === 0 ? closedStreak + 1 : 0;
    if (closedStreak > closedDayLimit(c)) throw new Error(`calendar ${calendar.id} has no business hours`);
    for (const [s, e] of periods) {
      const from = Math.max(s, cursor);
      if (e <= from) continue;
      // Landing exactly on the close counts as due at the close, not at the next opening.
      if (remaining <= e - from) return from + remaining;
      remaining -= e - from;
      cursor = e;
    }
  }
}

/** Business ms in [from, to); negative when `to` is before `from`. */
function businessMsBetween(calendar: BusinessCalendar, from: number, to: number): number {
  if (to < from) return -businessMsBetween(calendar, to, from);
  if (calendar.kind === '24x7') return to - from;
  const c = compile(calendar);
  const lastDay = localDayNumber(calendar.timeZone, to);
  let total = 0;
  for (let day = localDayNumber(calendar.timeZone, from) - 1; day <= lastDay; day++) {
    for (const [s, e] of openPeriodsOfDay(calendar, c, day)) {
      const overlap = Math.min(e, to) - Math.max(s, from);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/**
 * The instant `minutes` of business time after `start` (fractions allowed). Starting outside
 * business hours counts from the next opening; a result that lands exactly on a closing time is
 * that closing time. A `24x7` calendar is plain addition.
 */
export function addBusinessMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
  return new Date(addBusinessMs(calendar, start.getTime(), minutes * MS_PER_MINUTE));
}

/** Same as {@link addBusinessMinutes}, in seconds. */
export function addBusinessSeconds(calendar: BusinessCalendar, start: Date, seconds: number): Date {
  return new Date(addBusinessMs(calendar, start.getTime(), seconds * 1000));
}

/** Business seconds between two instants (negative when `to` is before `from`). */
export function businessSecondsBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  return businessMsBetween(calendar, from.getTime(), to.getTime()) / 1000;
}

/** Whether `at` falls inside the calendar's business hours. */
export function isBusinessTime(calendar: BusinessCalendar, at: Date): boolean {
  if (calendar.kind === '24x7') return true;
  const t = at.getTime();
  const c = compile(calendar);
  const day = localDayNumber(calendar.timeZone, t);
  for (const d of [day - 1, day]) {
    if (openPeriodsOfDay(calendar, c, d).some(([s, e]) => s <= t && t < e)) return true;
  }
  return false;
}
