import { BusinessCalendarSchema, type BusinessCalendar, type BusinessCalendarInput } from '../../../shared/schemas/sla';

type Hours = Array<{ start: string; end: string; overnight?: boolean }>;

/** A validated calendar with the same hours on the given weekdays (0 = Sunday). */
export function calendar(
  timeZone: string,
  days: number[],
  hours: Hours,
  extra: Partial<BusinessCalendarInput> = {},
): BusinessCalendar {
  const weeklyHours = [0, 1, 2, 3, 4, 5, 6].map((d) => (days.includes(d) ? hours : []));
  return BusinessCalendarSchema.parse({ id: 'cal_test', name: 'Test', timeZone, kind: 'business', weeklyHours, ...extra });
}

export const MON_FRI = [1, 2, 3, 4, 5];
