import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeFromHistory, type KpiSummary } from '../../shared/kpi';
import { generateFloor, loadFloor } from '../../main/domain/demo/index';
import { MetricsService } from '../../main/domain/metrics/metrics.service';
import { WallboardService } from '../../main/domain/metrics/wallboard.service';
import { ManualClock } from '../../main/domain/shared/clock';
import type { Store } from '../../main/store/store';
import { ADMIN_PASSWORD, createTestCore, type TestCore } from './helpers/test-core';

const NOW = '2026-11-19T15:00:00.000Z';
const PERIOD = { from: '2026-10-21', to: '2026-11-20' };
let t: TestCore;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock(NOW);
  t = await createTestCore({ clock });
  const floor = generateFloor({ customers: 400, tickets: 2000, days: 30, seed: 11, now: clock.now() });
  await loadFloor(t.core.services.store, floor, { passwords: () => 'x-password-1', now: clock.now() });
});
afterEach(async () => t.close());

function newMetrics(store: Store): MetricsService {
  const { sla } = t.core.services;
  return new MetricsService(store, clock, { timeZone: 'America/Sao_Paulo', businessSeconds: (from, to, ticket) => sla.businessSeconds(from, to, ticket) });
}

/** The figures of `metrics` must be those of raw history, now. */
function expectMatchesHistory(metrics: MetricsService): KpiSummary {
  const asOf = clock.now().toISOString();
  const summary = metrics.summary(null, PERIOD);
  const reference = computeFromHistory(metrics.records(), { kind: 'summary', ...PERIOD, asOf }, metrics.kpiOptions());
  for (const [k, v] of Object.entries(reference.values)) {
    if (typeof v === 'number') expect(summary.values[k as keyof typeof summary.values], k).toBeCloseTo(v, 6);
    else expect(summary.values[k as keyof typeof summary.values], k).toBe(v);
  }
  const byTeam = metrics.summary(null, { ...PERIOD, filters: { teamIds: ['team_geral'] } });
  const refTeam = computeFromHistory(metrics.records(), { kind: 'summary', ...PERIOD, asOf, filters: { teamIds: ['team_geral'] } }, metrics.kpiOptions());
  expect(byTeam.abandonment).toEqual(refTeam.abandonment);
  expect(byTeam.fcr).toEqual(refTeam.fcr);
  return summary;
}

describe('KPI aggregates built in the background', () => {
  it('serve nothing until built, and keep every write committed during the build', async () => {
    const { store } = t.core.services;
    const metrics = newMetrics(store);
    expect(metrics.isReady()).toBe(false);
    expect(() => metrics.summary(null, PERIOD)).toThrow(/still being built/);

    // Slices of 0 ms: the build gives the event loop back every 100 records.
    const build = metrics.warmUp(0);
    const open = [...store.tickets.values()].filter((tk) => tk.status === 'open' || tk.status === 'new');
    const solvedBefore = computeFromHistory(metrics.records(), { kind: 'summary', ...PERIOD, asOf: NOW }, metrics.kpiOptions()).tmr.solved;
    let writesDuringBuild = 0;
    for (const [i, ticket] of open.slice(0, 40).entries()) {
      if (!metrics.isReady()) writesDuringBuild++;
      const at = new Date(Date.parse(NOW) - i * 60_000).toISOString();
      await store.write((tx) => tx.put('tickets', { ...ticket, status: 'solved', solvedAt: at, updatedAt: at }, ticket.version));
    }
    // A survey answered and a ticket erased while building, too.
    const survey = [...store.surveys.values()].find((s) => s.answeredAt === null);
    const erased = [...store.tickets.values()].find((tk) => tk.status === 'closed');
    if (!survey || !erased) throw new Error('floor without an open survey or a closed ticket');
    await store.write((tx) => tx.put('surveys', { ...survey, answeredAt: NOW, score: 1, updatedAt: NOW }, survey.version));
    await store.write((tx) => tx.delete('tickets', erased.id));

    const ms = await build;
    expect(ms).toBeGreaterThan(0);
    expect(writesDuringBuild).toBeGreaterThan(0);
    expect(metrics.isReady()).toBe(true);
    const summary = expectMatchesHistory(metrics);
    expect(summary.tmr.solved).toBeGreaterThan(solvedBefore ?? 0);

    // And the same as a build done at once over the final history.
    const atOnce = newMetrics(store);
    atOnce.rebuild();
    expect(atOnce.summary(null, PERIOD)).toEqual(summary);
    expect(atOnce.series(null, { ...PERIOD, bucket: 'week' })).toEqual(metrics.series(null, { ...PERIOD, bucket: 'week' }));
    atOnce.dispose();
    metrics.dispose();
  });

  it('a team taking a PBX queue rebuilds in the background while the current figures keep being served', async () => {
    const { store } = t.core.services;
    const metrics = newMetrics(store);
    metrics.rebuild();
    const digital = store.teams.get('team_digital');
    if (!digital) throw new Error('no team_digital');
    const before = metrics.summary(null, { ...PERIOD, filters: { teamIds: ['team_digital'] } }).abandonment;
    // The floor's PBX queue moves from the team that owns it to team_digital.
    const owner = [...store.teams.values()].find((tm) => tm.id !== 'team_digital' && (tm.queues?.length ?? 0) > 0);
    if (!owner) throw new Error('no team with a PBX queue');
    const moved = owner.queues ?? [];
    await store.write((tx) => {
      tx.put('teams', { ...owner, queues: [], updatedAt: NOW }, owner.version);
      tx.put('teams', { ...digital, queues: moved, updatedAt: NOW }, digital.version);
    });
    // Still served (with the old mapping) while the new aggregates are built.
    expect(metrics.isReady()).toBe(true);
    expect(metrics.summary(null, { ...PERIOD, filters: { teamIds: ['team_digital'] } }).abandonment).toEqual(before);
    await vi.waitFor(() => expect(metrics.kpiOptions().queueTeams).toMatchObject(Object.fromEntries(moved.map((q) => [q, 'team_digital']))), { timeout: 20_000 });
    const after = metrics.summary(null, { ...PERIOD, filters: { teamIds: ['team_digital'] } }).abandonment;
    expect(after.offered).toBeGreaterThan(before.offered ?? 0);
    expectMatchesHistory(metrics);
    metrics.dispose();
  });

  it('at start-up: the core answers at once, the wallboard says the KPIs are being calculated, and metrics wait for them', async () => {
    const dir = t.dir;
    await t.core.close();
    t = await createTestCore({ clock, dir });
    const { metrics } = t.core.services;
    expect(metrics.isReady()).toBe(false);
    const { caller: admin } = await t.login('admin', ADMIN_PASSWORD);
    const page = await admin.tickets.list({ limit: 20 });
    expect(page.items).toHaveLength(20);
    expect(metrics.isReady()).toBe(false);

    const wallboard = new WallboardService(t.core.services.store, clock, t.core.services.bus, metrics, t.core.services.kpiTargets, { timeZone: 'America/Sao_Paulo' });
    const early = wallboard.snapshot({ id: 'x', role: 'admin', teamIds: [] });
    expect(early.kpis.ready).toBe(false);
    expect(Object.values(early.kpis.values).every((v) => v === null)).toBe(true);
    expect(early.agents.length).toBeGreaterThan(0);
    // The procedure waits for the build rather than failing or answering from nothing.
    const summary = await admin.metrics.summary(PERIOD);
    expect(metrics.isReady()).toBe(true);
    expect(summary.volume.total).toBeGreaterThan(1000);
    expectMatchesHistory(metrics);
    clock.advance(1000);
    expect(wallboard.snapshot({ id: 'x', role: 'admin', teamIds: [] }).kpis.ready).toBe(true);
    wallboard.dispose();
  });
});
