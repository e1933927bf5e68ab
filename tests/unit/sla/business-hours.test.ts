import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessSecondsBetween, isBusinessTime } from '../../../main/domain/sla/business-hours';
import { defaultBrazilCalendar } from '../../../main/domain/sla/brazil-holidays';
import { BusinessCalendarSchema } from '../../../shared/schemas/sla';
import { MON_FRI, calendar } from './calendars';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('business hours in a DST-free zone (America/Sao_Paulo)', () => {
  const sp = calendar('America/Sao_Paulo', MON_FRI, [{ start: '08:00', end: '18:00' }]);

  it('adds within the day, from outside hours, and lands on the close instead of the next opening', () => {
    expect(iso(addBusinessMinutes(sp, at('2026-11-23T09:00:00-03:00'), 60))).toBe('2026-11-23T13:00:00.000Z');
    expect(iso(addBusinessMinutes(sp, at('2026-11-23T07:00:00-03:00'), 30))).toBe('2026-11-23T11:30:00.000Z');
    expect(iso(addBusinessMinutes(sp, at('2026-11-23T19:00:00-03:00'), 30))).toBe('2026-11-24T11:30:00.000Z');
    expect(iso(addBusinessMinutes(sp, at('2026-11-23T17:00:00-03:00'), 60))).toBe('2026-11-23T21:00:00.000Z');
    expect(iso(addBusinessMinutes(sp, at('2026-11-23T17:00:00-03:00'), 61))).toBe('2026-11-24T11:01:00.000Z');
  });

  it('skips the weekend', () => {
    expect(iso(addBusinessMinutes(sp, at('2026-11-27T17:00:00-03:00'), 120))).toBe('2026-11-30T12:00:00.000Z');
    expect(businessSecondsBetween(sp, at('2026-11-27T17:00:00-03:00'), at('2026-11-30T09:00:00-03:00'))).toBe(7200);
    // A whole week is 5 × 10 h, wherever it starts.
    expect(businessSecondsBetween(sp, at('2026-11-25T13:17:00-03:00'), at('2026-12-02T13:17:00-03:00'))).toBe(50 * 3600);
  });

  it('skips holidays (Consciência Negra, Friday 2026-11-20)', () => {
    const br = defaultBrazilCalendar({ year: 2026 });
    expect(iso(addBusinessMinutes(br, at('2026-11-19T17:30:00-03:00'), 480))).toBe('2026-11-23T18:30:00.000Z');
    expect(businessSecondsBetween(br, at('2026-11-19T00:00:00-03:00'), at('2026-11-24T00:00:00-03:00'))).toBe(20 * 3600);
    expect(isBusinessTime(br, at('2026-11-20T10:00:00-03:00'))).toBe(false);
    expect(isBusinessTime(br, at('2026-11-19T10:00:00-03:00'))).toBe(true);
  });

  it('handles zero, reversed and invalid inputs', () => {
    const start = at('2026-11-21T10:00:00-03:00');
    expect(addBusinessMinutes(sp, start, 0)).toEqual(start);
    expect(businessSecondsBetween(sp, at('2026-11-30T09:00:00-03:00'), at('2026-11-27T17:00:00-03:00'))).toBe(-7200);
    expect(businessSecondsBetween(sp, start, start)).toBe(0);
    expect(() => addBusinessMinutes(sp, start, -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(sp, start, Number.NaN)).toThrow(RangeError);
  });

  it('accepts fractional minutes', () => {
    expect(iso(addBusinessMinutes(sp, at('2026-11-23T09:00:00-03:00'), 0.5))).toBe('2026-11-23T12:00:30.000Z');
  });
});

describe('business hours in a DST zone (America/New_York)', () => {
  const ny = calendar('America/New_York', MON_FRI, [{ start: '09:00', end: '17:00' }]);

  it('keeps wall-clock hours across spring forward (2026-03-08)', () => {
    // Fri 16:00 EST + 2 h → Mon 10:00 EDT (14:00Z, not 15:00Z).
    expect(iso(addBusinessMinutes(ny, at('2026-03-06T16:00:00-05:00'), 120))).toBe('2026-03-09T14:00:00.000Z');
    expect(businessSecondsBetween(ny, at('2026-03-06T16:00:00-05:00'), at('2026-03-09T10:00:00-04:00'))).toBe(7200);
  });

  it('keeps wall-clock hours across fall back (2026-11-01)', () => {
    expect(iso(addBusinessMinutes(ny, at('2026-10-30T16:00:00-04:00'), 120))).toBe('2026-11-02T15:00:00.000Z');
    expect(businessSecondsBetween(ny, at('2026-10-30T00:00:00-04:00'), at('2026-11-03T00:00:00-05:00'))).toBe(16 * 3600);
  });

  it('counts an overnight interval that crosses a DST change in real hours (7 h in spring, 9 h in fall)', () => {
    const nights = calendar('America/New_York', [6], [{ start: '22:00', end: '06:00', overnight: true }]);
    expect(businessSecondsBetween(nights, at('2026-03-07T12:00:00-05:00'), at('2026-03-08T12:00:00-04:00'))).toBe(7 * 3600);
    expect(businessSecondsBetween(nights, at('2026-10-31T12:00:00-04:00'), at('2026-11-01T12:00:00-05:00'))).toBe(9 * 3600);
    // 22:00 EST + 5 real hours = 04:00 EDT.
    expect(iso(addBusinessMinutes(nights, at('2026-03-07T22:00:00-05:00'), 300))).toBe('2026-03-08T08:00:00.000Z');
    expect(isBusinessTime(nights, at('2026-03-08T05:59:00-04:00'))).toBe(true);
    expect(isBusinessTime(nights, at('2026-03-08T06:00:00-04:00'))).toBe(false);
  });

  it('treats a 24x7 calendar as plain elapsed time, DST or not', () => {
    const always = BusinessCalendarSchema.parse({ id: 'c24', name: '24x7', timeZone: 'America/New_York', kind: '24x7' });
    expect(iso(addBusinessMinutes(always, at('2026-03-07T17:00:00Z'), 1440))).toBe('2026-03-08T17:00:00.000Z');
    expect(businessSecondsBetween(always, at('2026-03-07T17:00:00Z'), at('2026-03-09T17:00:00Z'))).toBe(48 * 3600);
    expect(isBusinessTime(always, at('2026-12-25T03:00:00Z'))).toBe(true);
  });
});

describe('overnight hours', () => {
  // Night desk: Monday–Friday nights 22:00–06:00 (Friday's shift ends Saturday morning).
  const nights = calendar('America/Sao_Paulo', MON_FRI, [{ start: '22:00', end: '06:00', overnight: true }], {
    holidays: [{ date: '2026-11-20', name: 'Consciência Negra' }],
  });

  it('runs a shift into the next day and skips days without one', () => {
    expect(iso(addBusinessMinutes(nights, at('2026-11-27T23:00:00-03:00'), 420))).toBe('2026-11-28T09:00:00.000Z');
    expect(iso(addBusinessMinutes(nights, at('2026-11-27T23:00:00-03:00'), 421))).toBe('2026-12-01T01:01:00.000Z');
    expect(iso(addBusinessMinutes(nights, at('2026-11-28T10:00:00-03:00'), 60))).toBe('2026-12-01T02:00:00.000Z');
    expect(isBusinessTime(nights, at('2026-11-28T05:00:00-03:00'))).toBe(true);
    expect(isBusinessTime(nights, at('2026-11-28T07:00:00-03:00'))).toBe(false);
  });

  it('closes the shift that starts on a holiday, not the one that runs into it', () => {
    // Thursday night shift (19→20) runs; Friday's (20→21) does not.
    expect(businessSecondsBetween(nights, at('2026-11-19T20:00:00-03:00'), at('2026-11-21T12:00:00-03:00'))).toBe(8 * 3600);
    expect(isBusinessTime(nights, at('2026-11-20T03:00:00-03:00'))).toBe(true);
    expect(isBusinessTime(nights, at('2026-11-20T23:00:00-03:00'))).toBe(false);
  });
});

const referenceFormats: Record<string, Intl.DateTimeFormat> = {};

/** Independent reference: is the wall clock in the zone inside Mon–Fri 09:00–12:00 / 13:00–17:00, not a holiday? */
function referenceOpen(zone: string, holidays: Set<string>, t: number): boolean {
  const fmt = (referenceFormats[zone] ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    hourCycle: 'h23',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }));
  const parts = Object.fromEntries(fmt.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  if (holidays.has(`${parts.year}-${parts.month}-${parts.day}`)) return false;
  if (parts.weekday === 'Sat' || parts.weekday === 'Sun') return false;
  const minute = Number(parts.hour) * 60 + Number(parts.minute);
  return (minute >= 540 && minute < 720) || (minute >= 780 && minute < 1020);
}

describe('long spans', () => {
  const holidays = [
    { date: '2026-01-01', name: 'New Year' },
    { date: '2026-01-19', name: 'MLK Day' },
    { date: '2026-02-16', name: 'Presidents Day' },
    { date: '2026-05-25', name: 'Memorial Day' },
  ];
  const ny = calendar(
    'America/New_York',
    MON_FRI,
    [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    { holidays },
  );

  it('matches a 5-minute brute-force count over 120 days that include a DST change and holidays', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2026-05-01T00:00:00Z');
    const closed = new Set(holidays.map((h) => h.date));
    let steps = 0;
    for (let t = from; t < to; t += 300_000) if (referenceOpen('America/New_York', closed, t)) steps++;
    expect(businessSecondsBetween(ny, new Date(from), new Date(to))).toBe(steps * 300);
  });

  it('adding then measuring gives back the minutes, up to years of business time', () => {
    const start = at('2026-01-02T15:47:00Z');
    // 1 000 000 business minutes ≈ 8 years of 7 h days (speed is a benchmark's job, not a test's).
    for (const minutes of [1, 59, 420, 421, 10_000, 123_457, 1_000_000]) {
      const due = addBusinessMinutes(ny, start, minutes);
      expect(businessSecondsBetween(ny, start, due)).toBe(minutes * 60);
    }
  });
});
