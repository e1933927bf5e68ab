import { describe, expect, it } from 'vitest';
import { brazilNationalHolidays, defaultBrazilCalendar, easterSunday } from '../../../main/domain/sla/brazil-holidays';
import { BusinessCalendarSchema } from '../../../shared/schemas/sla';

describe('Brazil national holidays', () => {
  it('computes Easter (computus) for known years', () => {
    expect(easterSunday(2024)).toEqual({ month: 3, day: 31 });
    expect(easterSunday(2025)).toEqual({ month: 4, day: 20 });
    expect(easterSunday(2026)).toEqual({ month: 4, day: 5 });
    expect(easterSunday(2027)).toEqual({ month: 3, day: 28 });
    expect(easterSunday(2038)).toEqual({ month: 4, day: 25 });
    expect(easterSunday(2285)).toEqual({ month: 3, day: 22 });
  });

  it('lists 2026 exactly', () => {
    expect(brazilNationalHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Confraternização Universal', optional: false },
      { date: '2026-02-16', name: 'Carnaval (segunda-feira)', optional: true },
      { date: '2026-02-17', name: 'Carnaval (terça-feira)', optional: true },
      { date: '2026-04-03', name: 'Sexta-feira Santa', optional: false },
      { date: '2026-04-21', name: 'Tiradentes', optional: false },
      { date: '2026-05-01', name: 'Dia do Trabalho', optional: false },
      { date: '2026-06-04', name: 'Corpus Christi', optional: true },
      { date: '2026-09-07', name: 'Independência do Brasil', optional: false },
      { date: '2026-10-12', name: 'Nossa Senhora Aparecida', optional: false },
      { date: '2026-11-02', name: 'Finados', optional: false },
      { date: '2026-11-15', name: 'Proclamação da República', optional: false },
      { date: '2026-11-20', name: 'Dia Nacional de Zumbi e da Consciência Negra', optional: false },
      { date: '2026-12-25', name: 'Natal', optional: false },
    ]);
  });

  it('lists 2027 movable dates exactly', () => {
    const byName = Object.fromEntries(brazilNationalHolidays(2027).map((h) => [h.name, h.date]));
    expect(byName).toMatchObject({
      'Carnaval (segunda-feira)': '2027-02-08',
      'Carnaval (terça-feira)': '2027-02-09',
      'Sexta-feira Santa': '2027-03-26',
      'Corpus Christi': '2027-05-27',
      'Dia Nacional de Zumbi e da Consciência Negra': '2027-11-20',
    });
    expect(brazilNationalHolidays(2027)).toHaveLength(13);
  });

  it('has Consciência Negra as a national holiday only from 2024', () => {
    expect(brazilNationalHolidays(2023).some((h) => h.date === '2023-11-20')).toBe(false);
    expect(brazilNationalHolidays(2024).some((h) => h.date === '2024-11-20')).toBe(true);
  });

  it('builds a valid default calendar for the year and the next, mandatory holidays only unless asked', () => {
    const cal = defaultBrazilCalendar({ year: 2026 });
    expect(BusinessCalendarSchema.safeParse(cal).success).toBe(true);
    expect(cal.timeZone).toBe('America/Sao_Paulo');
    const dates = cal.holidays.map((h) => h.date);
    expect(dates).toContain('2026-04-03');
    expect(dates).toContain('2027-03-26');
    expect(dates).not.toContain('2026-02-16');
    expect(dates.some((d) => d.startsWith('2028'))).toBe(false);
    expect(cal.holidays).toHaveLength(20);
    expect(cal.weeklyHours[0]).toEqual([]);
    expect(cal.weeklyHours[1]).toEqual([{ start: '08:00', end: '18:00', overnight: false }]);

    const withOptional = defaultBrazilCalendar({ year: 2026, includeOptional: true });
    expect(withOptional.holidays).toHaveLength(26);
    expect(withOptional.holidays.map((h) => h.date)).toContain('2027-02-09');
  });
});
