/**
 * Wall-clock ↔ instant conversion in an IANA time zone, with `Intl` only (no date library).
 * Local dates are handled as day numbers (days since 1970-01-01), so date arithmetic is plain
 * integer arithmetic and never depends on the host's zone.
 */

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Offset of `timeZone` from UTC at `instantMs`, in ms (São Paulo: −3 h = −10 800 000). */
export function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  // The formatter drops milliseconds, so compare against the instant truncated to the second.
  return asUtc - (instantMs - (((instantMs % 1000) + 1000) % 1000));
}

/** Local day number (days since 1970-01-01 in the zone's wall clock) of an instant. */
export function localDayNumber(timeZone: string, instantMs: number): number {
  return Math.floor((instantMs + zoneOffsetMs(timeZone, instantMs)) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOfDay(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** `YYYY-MM-DD` of a day number. */
export function isoDateOfDay(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` (or year, month 1–12, day). */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/**
 * The instant at which the wall clock in `timeZone` shows `minuteOfDay` minutes after midnight of
 * local day `dayNumber` (minutes may exceed a day: 1440 + 360 = 06:00 of the next day).
 * Like Temporal's `compatible` disambiguation: a time skipped by a DST jump is read with the offset
 * before the jump (02:30 on a spring-forward night becomes 03:30), a repeated time takes the earlier.
 */
export function zonedWallTimeToInstant(timeZone: string, dayNumber: number, minuteOfDay: number): number {
  const wall = dayNumber * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  const before = zoneOffsetMs(timeZone, wall - MS_PER_DAY);
  const after = zoneOffsetMs(timeZone, wall + MS_PER_DAY);
  // No offset change within a day either side (nearly always): the offset is known.
  if (before === after) return wall - before;
  const candidates = [wall - before, wall - after].filter((t) => t + zoneOffsetMs(timeZone, t) === wall);
  if (candidates.length === 0) return wall - before;
  return Math.min(...candidates);
}
