import { describe, expect, it } from 'vitest';
import { CivilDate, ZoneCalendar } from '../../../shared/kpi';

const HOUR = 3_600_000;

describe('CivilDate', () => {
  it('ISO weeks start on Monday and belong to the year of their Thursday', () => {
    expect(CivilDate.isoWeekday('2026-03-09')).toBe(1);
    expect(CivilDate.isoWeekday('2026-03-15')).toBe(7);
    expect(CivilDate.bucketKey('2026-03-09', 'week')).toBe('2026-W11');
    expect(CivilDate.bucketKey('2026-03-15', 'week')).toBe('2026-W11');
    // 2026-01-01 is a Thursday: week 1. 2027-01-01 is a Friday: still 2026-W53.
    expect(CivilDate.bucketKey('2026-01-01', 'week')).toBe('2026-W01');
    expect(CivilDate.bucketKey('2025-12-29', 'week')).toBe('2026-W01');
    expect(CivilDate.bucketKey('2027-01-03', 'week')).toBe('2026-W53');
    expect(CivilDate.bucketStart('2026-W53', 'week')).toBe('2026-12-28');
    expect(CivilDate.bucketStart('2026-W01', 'week')).toBe('2025-12-29');
    expect(CivilDate.bucketEnd('2026-W11', 'week')).toBe('2026-03-16');
  });

  it('months and days', () => {
    expect(CivilDate.bucketKey('2026-02-28', 'month')).toBe('2026-02');
    expect(CivilDate.bucketEnd('2026-02', 'month')).toBe('2026-03-01');
    expect(CivilDate.bucketEnd('2026-12', 'month')).toBe('2027-01-01');
    expect(CivilDate.bucketEnd('2028-02-29', 'day')).toBe('2028-03-01');
    expect(CivilDate.addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect([...CivilDate.days('2026-02-27', '2026-03-02')]).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('rejects malformed dates and keys', () => {
    expect(CivilDate.isValid('2026-02-30')).toBe(false);
    expect(CivilDate.isValid('2026-2-3')).toBe(false);
    expect(() => CivilDate.bucketStart('2026-13', 'month')).toThrow(RangeError);
    expect(() => CivilDate.bucketStart('2026-11', 'week')).toThrow(RangeError);
  });
});

describe('ZoneCalendar', () => {
  const sp = new ZoneCalendar();
  const ny = new ZoneCalendar('America/New_York');

  it('defaults to São Paulo: 01:30Z is still the previous day there', () => {
    expect(sp.timeZone).toBe('America/Sao_Paulo');
    expect(sp.dateOf('2026-03-10T01:30:00Z')).toBe('2026-03-09');
    expect(sp.dateOf('2026-03-10T02:59:59.999Z')).toBe('2026-03-09');
    expect(sp.dateOf('2026-03-10T03:00:00Z')).toBe('2026-03-10');
    expect(new Date(sp.startOf('2026-03-10')).toISOString()).toBe('2026-03-10T03:00:00.000Z');
    expect(sp.bucketKey('2026-03-16T02:00:00Z', 'week')).toBe('2026-W11');
    expect(sp.bucketKey('2026-04-01T02:00:00Z', 'month')).toBe('2026-03');
  });

  it('New York days across DST last 23 and 25 hours', () => {
    // 2026-03-08: clocks go 02:00 EST → 03:00 EDT. 2026-11-01: 02:00 EDT → 01:00 EST.
    expect(new Date(ny.startOf('2026-03-08')).toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(ny.endOf('2026-03-08') - ny.startOf('2026-03-08')).toBe(23 * HOUR);
    expect(ny.endOf('2026-11-01') - ny.startOf('2026-11-01')).toBe(25 * HOUR);
    expect(ny.endOf('2026-07-01') - ny.startOf('2026-07-01')).toBe(24 * HOUR);
    // 23:30 local on either side of the change.
    expect(ny.dateOf('2026-03-09T03:30:00Z')).toBe('2026-03-08');
    expect(ny.dateOf('2026-03-09T04:00:00Z')).toBe('2026-03-09');
    expect(ny.dateOf('2026-11-02T04:30:00Z')).toBe('2026-11-01');
    expect(ny.dateOf('2026-11-02T05:00:00Z')).toBe('2026-11-02');
    const week = ny.bucketInstants('2026-W10', 'week');
    expect(week.end - week.start).toBe(7 * 24 * HOUR - HOUR);
  });

  it('a day whose midnight does not exist starts at the first instant that does', () => {
    // São Paulo had DST until 2019: on 2018-11-04 clocks jumped from 00:00 to 01:00.
    expect(new Date(sp.startOf('2018-11-04')).toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(sp.dateOf('2018-11-04T02:59:59Z')).toBe('2018-11-03');
    expect(sp.endOf('2018-11-04') - sp.startOf('2018-11-04')).toBe(23 * HOUR);
    // …and on 2019-02-17 midnight came twice (23:00 −02 → 23:00 −03 on the 16th): a 25-hour day.
    expect(sp.endOf('2019-02-16') - sp.startOf('2019-02-16')).toBe(25 * HOUR);
  });

  it('half-hour zones and zones east of UTC', () => {
    const india = new ZoneCalendar('Asia/Kolkata');
    expect(new Date(india.startOf('2026-03-10')).toISOString()).toBe('2026-03-09T18:30:00.000Z');
    const kiritimati = new ZoneCalendar('Pacific/Kiritimati');
    expect(kiritimati.dateOf('2026-03-09T10:00:00Z')).toBe('2026-03-10');
  });

  it('iterates buckets over a range, clipping the edges', () => {
    const weeks = sp.buckets('2026-03-04', '2026-03-20', 'week');
    expect(weeks.map((b) => [b.key, b.from, b.to])).toEqual([
      ['2026-W10', '2026-03-04', '2026-03-09'],
      ['2026-W11', '2026-03-09', '2026-03-16'],
      ['2026-W12', '2026-03-16', '2026-03-20'],
    ]);
    expect(weeks[1]).toMatchObject({ start: '2026-03-09T03:00:00.000Z', end: '2026-03-16T03:00:00.000Z' });
    expect(sp.buckets('2026-01-15', '2026-03-02', 'month').map((b) => b.key)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(sp.buckets('2026-03-01', '2026-03-01', 'day')).toEqual([]);
    const nyDays = ny.buckets('2026-03-07', '2026-03-10', 'day');
    expect(nyDays.map((b) => Date.parse(b.end) - Date.parse(b.start))).toEqual([24 * HOUR, 23 * HOUR, 24 * HOUR]);
  });

  it('refuses unknown zones and non-instants', () => {
    expect(() => new ZoneCalendar('Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => sp.dateOf('yesterday')).toThrow(RangeError);
  });
});
