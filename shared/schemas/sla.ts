import { z } from 'zod';
import { ChannelSchema, IdSchema, TagSchema } from './common';
import { PrioritySchema } from './ticket';

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** Wall-clock time of day, `HH:MM`; `24:00` is accepted as an end (end of the day). */
export const TimeOfDaySchema = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'time must be HH:MM between 00:00 and 24:00');

/** Minutes since midnight of an `HH:MM` string (already validated). */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * One opening interval of a weekday. An overnight interval (`22:00`–`06:00`, `overnight: true`)
 * belongs to the day it starts on and ends on the next day.
 */
export const BusinessIntervalSchema = z
  .object({
    start: TimeOfDaySchema,
    end: TimeOfDaySchema,
    overnight: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.start === '24:00') ctx.addIssue({ code: 'custom', path: ['start'], message: 'start must be before 24:00' });
    const start = minutesOfDay(v.start);
    const end = minutesOfDay(v.end);
    if (v.overnight) {
      if (end >= start) {
        ctx.addIssue({ code: 'custom', path: ['end'], message: `an overnight interval must end before its start (${v.start}) on the next day` });
      }
      if (v.end === '24:00') ctx.addIssue({ code: 'custom', path: ['end'], message: 'an overnight interval ends at 00:00–23:59 of the next day' });
    } else if (end <= start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `end (${v.end}) must be after start (${v.start}); mark the interval overnight if it crosses midnight` });
    }
  });
export type BusinessInterval = z.infer<typeof BusinessIntervalSchema>;

/** `YYYY-MM-DD` that is a real calendar date. */
export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'not a calendar date');

/** True when `Intl` knows the zone and it is an IANA name (not a bare offset like `-03:00`). */
export function isValidTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z.string().refine(isValidTimeZone, { error: (i) => `unknown time zone "${String(i.input)}" (use an IANA name such as America/Sao_Paulo)` });

export const HolidaySchema = z.object({ date: LocalDateSchema, name: z.string().trim().min(1).max(120) });
export type Holiday = z.infer<typeof HolidaySchema>;

/** Seven lists of intervals, index = weekday (0 = Sunday … 6 = Saturday). */
export const WeeklyHoursSchema = z
  .array(z.array(BusinessIntervalSchema).max(12, 'at most 12 intervals per day'))
  .length(7, 'weeklyHours needs 7 days: index 0 = Sunday … 6 = Saturday');

/**
 * When the SLA clock runs. `24x7` ignores hours and holidays; `business` counts only the weekly
 * intervals, in `timeZone`, except on holidays (a holiday closes the intervals that start on it).
 */
export const BusinessCalendarSchema = z
  .object({
    id: IdSchema,
    name: z.string().trim().min(1).max(80),
    timeZone: TimeZoneSchema,
    kind: z.enum(['24x7', 'business']),
    weeklyHours: WeeklyHoursSchema.default([[], [], [], [], [], [], []]),
    holidays: z.array(HolidaySchema).max(1000).default([]),
  })
  .superRefine((cal, ctx) => {
    const seen = new Map<string, number>();
    cal.holidays.forEach((h, i) => {
      const first = seen.get(h.date);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['holidays', i, 'date'], message: `duplicate holiday date ${h.date} (also holidays[${first}])` });
      else seen.set(h.date, i);
    });
    const spans = cal.weeklyHours.flatMap((day, weekday) =>
      day.map((iv, index) => {
        const start = weekday * MINUTES_PER_DAY + minutesOfDay(iv.start);
        const end = weekday * MINUTES_PER_DAY + minutesOfDay(iv.end) + (iv.overnight ? MINUTES_PER_DAY : 0);
        return { weekday, index, start, end, label: `${WEEKDAY_NAMES[weekday]} ${iv.start}–${iv.end}` };
      }),
    );
    for (let a = 0; a < spans.length; a++) {
      for (let b = 0; b < a; b++) {
        const x = spans[a]!;
        const y = spans[b]!;
        if (weeklyOverlap(x.start, x.end, y.start, y.end)) {
          ctx.addIssue({ code: 'custom', path: ['weeklyHours', x.weekday, x.index], message: `${x.label} overlaps ${y.label}` });
        }
      }
    }
    if (cal.kind === 'business' && spans.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['weeklyHours'], message: 'a business calendar needs at least one opening interval' });
    }
  });
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;
export type BusinessCalendarInput = z.input<typeof BusinessCalendarSchema>;

/** Overlap of two week-relative spans, with Saturday night wrapping into Sunday morning. */
function weeklyOverlap(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  for (const shift of [-MINUTES_PER_WEEK, 0, MINUTES_PER_WEEK]) {
    if (aStart < bEnd + shift && bStart + shift < aEnd) return true;
  }
  return false;
}

/** Which tickets a policy covers; an empty list matches anything. */
export const SlaConditionsSchema = z.object({
  priorities: z.array(PrioritySchema).default([]),
  channels: z.array(ChannelSchema).default([]),
  /** Matches when the customer has at least one of these tags. */
  customerTags: z.array(TagSchema).default([]),
  teamIds: z.array(IdSchema).default([]),
  categories: z.array(z.string().trim().min(1).max(80)).default([]),
});
export type SlaConditions = z.infer<typeof SlaConditionsSchema>;

export const SlaPolicySchema = z
  .object({
    id: IdSchema,
    name: z.string().trim().min(1).max(80),
    /** Lower first: the first policy whose conditions match applies. */
    order: z.number().int().nonnegative(),
    conditions: SlaConditionsSchema.default({ priorities: [], channels: [], customerTags: [], teamIds: [], categories: [] }),
    firstResponseMinutes: z.number().int().positive('first response target must be at least 1 minute').max(525_600),
    resolutionMinutes: z.number().int().positive('resolution target must be at least 1 minute').max(5_256_000),
    calendarId: IdSchema,
    /** Share of the target after which the SLA is in warning (0.75 = 75 % elapsed). */
    warnAtShare: z.number().gt(0, 'warnAtShare must be above 0').lt(1, 'warnAtShare must be below 1').default(0.75),
  })
  .refine((p) => p.resolutionMinutes >= p.firstResponseMinutes, {
    path: ['resolutionMinutes'],
    error: 'resolution target must not be shorter than the first response target',
  });
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;
