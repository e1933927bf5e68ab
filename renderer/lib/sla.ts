/**
 * SLA state of a ticket for the queue and the ticket screen, as a pure function of its target,
 * the time its clock started and now: the colour follows the share of the target already used.
 */

export type SlaTone = 'none' | 'paused' | 'ok' | 'warning' | 'breached';

/** From this share of the target elapsed, the SLA shows amber. */
export const SLA_WARNING_SHARE = 0.75;

export interface SlaInput {
  dueAt: string | null;
  startedAt: string | null;
  paused: boolean;
}

export interface SlaState {
  tone: SlaTone;
  /** Share of the target elapsed (0…1+, may exceed 1 once breached); null without a target. */
  share: number | null;
  /** Milliseconds left until due (negative once breached); null without a target. */
  remainingMs: number | null;
}

export function slaState({ dueAt, startedAt, paused }: SlaInput, nowMs: number): SlaState {
  const due = dueAt ? Date.parse(dueAt) : Number.NaN;
  if (Number.isNaN(due)) return { tone: 'none', share: null, remainingMs: null };
  const start = startedAt ? Date.parse(startedAt) : Number.NaN;
  const remainingMs = due - nowMs;
  const span = due - start;
  // Without a usable start the share is unknown: only "breached or not" can be said.
  const share = Number.isNaN(start) || span <= 0 ? (remainingMs <= 0 ? 1 : null) : Math.max(0, (nowMs - start) / span);
  if (paused) return { tone: 'paused', share, remainingMs };
  if (remainingMs <= 0) return { tone: 'breached', share, remainingMs };
  if (share !== null && share >= SLA_WARNING_SHARE) return { tone: 'warning', share, remainingMs };
  return { tone: 'ok', share, remainingMs };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A compact countdown: "45 min", "3 h 05 min", "2 d 4 h" (at least "1 min") (the unit symbols read the same in
 * Portuguese and English). Sign is dropped: the caller says "overdue" in words.
 */
export function formatCountdown(ms: number): string {
  const abs = Math.abs(ms);
  // Under a minute still reads as a minute: "0 min" left (or late) would say nothing.
  if (abs < HOUR) return `${Math.max(1, Math.floor(abs / MINUTE))} min`;
  if (abs < DAY) {
    const h = Math.floor(abs / HOUR);
    const m = Math.floor((abs % HOUR) / MINUTE);
    return `${h} h ${String(m).padStart(2, '0')} min`;
  }
  const d = Math.floor(abs / DAY);
  const h = Math.floor((abs % DAY) / HOUR);
  return h > 0 ? `${d} d ${h} h` : `${d} d`;
}

/** Seconds as "1:05:09" / "4:07" (call talk, hold and wrap-up times). */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
