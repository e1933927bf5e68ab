import { describe, expect, it } from 'vitest';
import { BusinessCalendarSchema, SlaPolicySchema, isValidTimeZone } from '../../../shared/schemas/sla';

const week = (day: Array<{ start: string; end: string; overnight?: boolean }>, weekday = 1) =>
  [0, 1, 2, 3, 4, 5, 6].map((d) => (d === weekday ? day : []));

function issues(input: unknown) {
  const r = BusinessCalendarSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const base = { id: 'cal1', name: 'Cal', timeZone: 'America/Sao_Paulo', kind: 'business' as const };

describe('BusinessCalendarSchema', () => {
  it('accepts a valid calendar and fills defaults', () => {
    const cal = BusinessCalendarSchema.parse({ ...base, weeklyHours: week([{ start: '08:00', end: '12:00' }, { start: '13:00', end: '24:00' }]) });
    expect(cal.holidays).toEqual([]);
    expect(cal.weeklyHours[1]![0]!.overnight).toBe(false);
  });

  it('refuses an end before the start unless the interval is overnight', () => {
    expect(issues({ ...base, weeklyHours: week([{ start: '18:00', end: '08:00' }]) })).toEqual([
      { path: 'weeklyHours.1.0.end', message: 'end (08:00) must be after start (18:00); mark the interval overnight if it crosses midnight' },
    ]);
    expect(issues({ ...base, weeklyHours: week([{ start: '22:00', end: '06:00', overnight: true }]) })).toEqual([]);
    expect(issues({ ...base, weeklyHours: week([{ start: '06:00', end: '22:00', overnight: true }]) })[0]?.path).toBe('weeklyHours.1.0.end');
    expect(issues({ ...base, weeklyHours: week([{ start: '8:00', end: '18:00' }]) })[0]).toEqual({
      path: 'weeklyHours.1.0.start',
      message: 'time must be HH:MM between 00:00 and 24:00',
    });
  });

  it('refuses overlapping intervals, including an overnight one running into the next day and Saturday into Sunday', () => {
    expect(issues({ ...base, weeklyHours: week([{ start: '08:00', end: '12:00' }, { start: '11:00', end: '14:00' }]) })).toEqual([
      { path: 'weeklyHours.1.1', message: 'Monday 11:00–14:00 overlaps Monday 08:00–12:00' },
    ]);
    const spill = [[], [{ start: '22:00', end: '06:00', overnight: true }], [{ start: '05:00', end: '09:00' }], [], [], [], []];
    expect(issues({ ...base, weeklyHours: spill })).toEqual([{ path: 'weeklyHours.2.0', message: 'Tuesday 05:00–09:00 overlaps Monday 22:00–06:00' }]);
    const wrap = [[{ start: '00:00', end: '02:00' }], [], [], [], [], [], [{ start: '23:00', end: '01:00', overnight: true }]];
    expect(issues({ ...base, weeklyHours: wrap })).toEqual([{ path: 'weeklyHours.6.0', message: 'Saturday 23:00–01:00 overlaps Sunday 00:00–02:00' }]);
    // Touching intervals are fine.
    expect(issues({ ...base, weeklyHours: week([{ start: '08:00', end: '12:00' }, { start: '12:00', end: '14:00' }]) })).toEqual([]);
  });

  it('checks the time zone with Intl', () => {
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('-03:00')).toBe(false);
    expect(issues({ ...base, timeZone: 'America/Sao_Pablo', weeklyHours: week([{ start: '08:00', end: '18:00' }]) })).toEqual([
      { path: 'timeZone', message: 'unknown time zone "America/Sao_Pablo" (use an IANA name such as America/Sao_Paulo)' },
    ]);
  });

  it('refuses duplicate and impossible holiday dates, and a business calendar without hours', () => {
    const holidays = [
      { date: '2026-11-20', name: 'Consciência Negra' },
      { date: '2026-02-30', name: 'Nope' },
      { date: '2026-11-20', name: 'Again' },
    ];
    expect(issues({ ...base, weeklyHours: week([{ start: '08:00', end: '18:00' }]), holidays })).toEqual([
      { path: 'holidays.1.date', message: 'not a calendar date' },
      { path: 'holidays.2.date', message: 'duplicate holiday date 2026-11-20 (also holidays[0])' },
    ]);
    expect(issues(base)).toEqual([{ path: 'weeklyHours', message: 'a business calendar needs at least one opening interval' }]);
    expect(issues({ ...base, kind: '24x7' })).toEqual([]);
  });
});

describe('SlaPolicySchema', () => {
  const policy = { id: 'p1', name: 'Normal', order: 1, firstResponseMinutes: 60, resolutionMinutes: 480, calendarId: 'cal1' };

  it('defaults conditions to "any" and warnAtShare to 0.75', () => {
    const p = SlaPolicySchema.parse(policy);
    expect(p.warnAtShare).toBe(0.75);
    expect(p.conditions).toEqual({ priorities: [], channels: [], customerTags: [], teamIds: [], categories: [] });
  });

  it('explains invalid targets per field', () => {
    const r = SlaPolicySchema.safeParse({ ...policy, firstResponseMinutes: 0, warnAtShare: 1.2, conditions: { priorities: ['asap'] } });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['firstResponseMinutes', 'warnAtShare', 'conditions.priorities.0']));
    const short = SlaPolicySchema.safeParse({ ...policy, resolutionMinutes: 30 });
    expect(short.error?.issues[0]).toMatchObject({ path: ['resolutionMinutes'], message: 'resolution target must not be shorter than the first response target' });
  });
});
