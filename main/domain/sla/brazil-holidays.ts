import type { BusinessCalendar, BusinessInterval } from '../../../shared/schemas/sla';
import { dayNumberOf, isoDateOfDay } from './zoned-time';

/** A Brazilian national holiday; `optional` marks a *ponto facultativo* (Carnival, Corpus Christi). */
export interface BrazilHoliday {
  date: string;
  name: string;
  optional: boolean;
}

/** Easter Sunday of a Gregorian year (anonymous Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): { month: number; day: number } {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { month, day };
}

const FIXED: ReadonlyArray<{ month: number; day: number; name: string; since?: number }> = [
  { month: 1, day: 1, name: 'Confraternização Universal' },
  { month: 4, day: 21, name: 'Tiradentes' },
  { month: 5, day: 1, name: 'Dia do Trabalho' },
  { month: 9, day: 7, name: 'Independência do Brasil' },
  { month: 10, day: 12, name: 'Nossa Senhora Aparecida' },
  { month: 11, day: 2, name: 'Finados' },
  { month: 11, day: 15, name: 'Proclamação da República' },
  // Lei 14.759/2023 made it national from 2024 on.
  { month: 11, day: 20, name: 'Dia Nacional de Zumbi e da Consciência Negra', since: 2024 },
  { month: 12, day: 25, name: 'Natal' },
];

/** Offsets in days from Easter Sunday. */
const MOVABLE: ReadonlyArray<{ offset: number; name: string; optional: boolean }> = [
  { offset: -48, name: 'Carnaval (segunda-feira)', optional: true },
  { offset: -47, name: 'Carnaval (terça-feira)', optional: true },
  { offset: -2, name: 'Sexta-feira Santa', optional: false },
  { offset: 60, name: 'Corpus Christi', optional: true },
];

/** Brazil's national holidays (and national *pontos facultativos*, flagged optional) of a year, by date. */
export function brazilNationalHolidays(year: number): BrazilHoliday[] {
  const easter = easterSunday(year);
  const easterDay = dayNumberOf(year, easter.month, easter.day);
  const fixed = FIXED.filter((h) => h.since === undefined || year >= h.since).map((h) => ({
    date: isoDateOfDay(dayNumberOf(year, h.month, h.day)),
    name: h.name,
    optional: false,
  }));
  const movable = MOVABLE.map((h) => ({ date: isoDateOfDay(easterDay + h.offset), name: h.name, optional: h.optional }));
  return [...fixed, ...movable].sort((x, y) => x.date.localeCompare(y.date));
}

export interface DefaultBrazilCalendarOptions {
  /** The current year; the calendar covers it and the next one. */
  year: number;
  id?: string;
  name?: string;
  timeZone?: string;
  /** Whether *pontos facultativos* close the operation too. Default false: only mandatory holidays. */
  includeOptional?: boolean;
  /** Opening hours Monday–Friday. Default 08:00–18:00. */
  weekdayHours?: BusinessInterval[];
}

/** A business calendar for Brazil (Mon–Fri, national holidays of `year` and `year + 1`). */
export function defaultBrazilCalendar(options: DefaultBrazilCalendarOptions): BusinessCalendar {
  const hours = options.weekdayHours ?? [{ start: '08:00', end: '18:00', overnight: false }];
  const holidays = [options.year, options.year + 1]
    .flatMap((y) => brazilNationalHolidays(y))
    .filter((h) => options.includeOptional || !h.optional)
    .map((h) => ({ date: h.date, name: h.name }));
  return {
    id: options.id ?? 'cal_br_default',
    name: options.name ?? 'Horário comercial (Brasil)',
    timeZone: options.timeZone ?? 'America/Sao_Paulo',
    kind: 'business',
    weeklyHours: [[], hours, hours, hours, hours, hours, []].map((day) => day.map((iv) => ({ ...iv }))),
    holidays,
  };
}
