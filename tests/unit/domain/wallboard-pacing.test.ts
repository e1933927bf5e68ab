import { describe, expect, it } from 'vitest';
import { slaRisk } from '../../../main/domain/metrics/sla-risk';
import { pace } from '../../../main/domain/metrics/update-pacer';
import type { Ticket } from '../../../shared/schemas';

/** Collects tick times (ms since start) of a pacer until `untilMs`, firing `changes` at the given times. */
async function ticks(changes: number[], untilMs: number, opts: { minIntervalMs: number; maxIntervalMs: number }): Promise<number[]> {
  const listeners = new Set<() => void>();
  const controller = new AbortController();
  const start = performance.now();
  const out: number[] = [];
  const timers = changes.map((at) => setTimeout(() => listeners.forEach((l) => l()), at));
  const stop = setTimeout(() => controller.abort(), untilMs);
  for await (const _ of pace((l) => (listeners.add(l), () => listeners.delete(l)), { ...opts, settleMs: 5, signal: controller.signal })) out.push(performance.now() - start);
  timers.forEach(clearTimeout);
  clearTimeout(stop);
  expect(listeners.size).toBe(0);
  return out;
}

describe('wallboard pacing', () => {
  it('ticks at least every maxInterval when nothing changes', async () => {
    const out = await ticks([], 1300, { minIntervalMs: 100, maxIntervalMs: 300 });
    expect(out.length).toBeGreaterThanOrEqual(3);
    // Timers may fire late on a busy machine; never anywhere near twice the interval.
    out.forEach((t, i) => expect(t - (out[i - 1] ?? 0)).toBeLessThan(300 + 150));
  });

  it('ticks soon after a change, and turns a burst into one tick per minInterval', async () => {
    // A burst of 20 changes between 400 and 495 ms (the last tick, the start, is long past);
    // nothing else until the 2 s heartbeat.
    const burst = Array.from({ length: 20 }, (_, i) => 400 + i * 5);
    const out = await ticks(burst, 1200, { minIntervalMs: 250, maxIntervalMs: 2000 });
    expect(out[0]).toBeGreaterThanOrEqual(400);
    expect(out[0]).toBeLessThan(400 + 150);
    // The rest of the burst: one more tick, a minInterval after the first.
    expect(out).toHaveLength(2);
    expect((out[1] ?? 0) - (out[0] ?? 0)).toBeGreaterThanOrEqual(240);
  });
});

describe('SLA risk on the wallboard', () => {
  const at = (min: number) => new Date(Date.UTC(2026, 10, 20, 12, 0) + min * 60_000).toISOString();
  const ticket = (sla: Partial<Ticket['sla']>): Ticket =>
    ({ createdAt: at(0), sla: { policyId: null, firstResponseDueAt: at(100), resolutionDueAt: at(1000), firstResponseAt: null, pausedSeconds: 0, pausedSince: null, ...sla } }) as Ticket;
  const now = (min: number) => Date.parse(at(min));

  it('follows the next target: first response until answered, then resolution; at risk from 75 %', () => {
    expect(slaRisk(ticket({}), now(74))).toMatchObject({ state: 'ok', dueAt: at(100) });
    expect(slaRisk(ticket({}), now(75))).toMatchObject({ state: 'at_risk', share: 0.75 });
    expect(slaRisk(ticket({}), now(100))).toMatchObject({ state: 'breached' });
    expect(slaRisk(ticket({ firstResponseAt: at(50) }), now(100))).toMatchObject({ state: 'ok', dueAt: at(1000) });
    expect(slaRisk(ticket({ firstResponseDueAt: null, resolutionDueAt: null }), now(100))).toMatchObject({ state: 'none' });
  });

  it('does not count a paused clock, unless the target fell due before the pause', () => {
    expect(slaRisk(ticket({ pausedSince: at(90) }), now(500))).toMatchObject({ state: 'paused' });
    expect(slaRisk(ticket({ pausedSince: at(120) }), now(500))).toMatchObject({ state: 'breached' });
  });
});
