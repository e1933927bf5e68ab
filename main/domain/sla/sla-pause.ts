import type { Sla } from '../../../shared/schemas/ticket';
import type { BusinessCalendar } from '../../../shared/schemas/sla';
import { businessSecondsBetween } from './business-hours';

/** Starts the SLA pause (ticket moved to pending / on hold). A pause already running is kept. */
export function pauseSlaClock(sla: Sla, now: Date): Sla {
  return sla.pausedSince ? sla : { ...sla, pausedSince: now.toISOString() };
}

/**
 * Ends the SLA pause, adding its length to `pausedSeconds` in *business* seconds of the policy's
 * calendar, so a pause over a weekend moves the due time by the business hours it covered, not by
 * 48 h. Without a calendar (no policy) the wall-clock length is added, as a 24x7 calendar would.
 */
export function resumeSlaClock(sla: Sla, calendar: BusinessCalendar | null, now: Date): Sla {
  if (!sla.pausedSince) return sla;
  const since = new Date(sla.pausedSince);
  const seconds = calendar ? businessSecondsBetween(calendar, since, now) : (now.getTime() - since.getTime()) / 1000;
  return { ...sla, pausedSeconds: sla.pausedSeconds + Math.max(0, seconds), pausedSince: null };
}
