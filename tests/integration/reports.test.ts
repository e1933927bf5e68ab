import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DRILLABLE_KPIS, type DrillableKpi, type DrillRow } from '../../main/domain/metrics/kpi-drilldown';
import { generateFloor, loadFloor } from '../../main/domain/demo/index';
import { ManualClock } from '../../main/domain/shared/clock';
import type { KpiSummary } from '../../shared/kpi';
import { ADMIN_PASSWORD, createTestCore, type Caller, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock('2026-11-20T15:00:00.000Z');
  t = await createTestCore({ clock });
});
afterEach(async () => t.close());

const TMA_CHANNEL = { tmaPhone: 'phone', tmaEmail: 'email', tmaChat: 'chat', tmaWhatsapp: 'whatsapp', tmaSocial: 'social', tmaWeb: 'web' } as const;

/** The figures a KPI is made of, from the summary: how many records, and how many of them have each outcome. */
function expected(kpi: DrillableKpi, s: KpiSummary): { count: number; outcomes?: Record<string, number> } {
  switch (kpi) {
    case 'tmeVoice':
      return { count: s.tme.answeredCalls };
    case 'tmeDigital':
      return { count: s.tme.repliedTickets };
    case 'tmrBusiness':
    case 'tmrCalendar':
      return { count: s.tmr.solved };
    case 'fcr':
      return { count: s.fcr.solved, outcomes: { first_contact: s.fcr.firstContact } };
    case 'csat':
      return { count: s.csat.answers, outcomes: { positive: s.csat.positive } };
    case 'csatResponseRate':
      return { count: s.csat.sent };
    case 'nps':
      return { count: s.nps.answers, outcomes: { promoter: s.nps.promoters, detractor: s.nps.detractors } };
    case 'npsResponseRate':
      return { count: s.nps.sent };
    case 'slaFirstResponse':
      return { count: s.sla.firstResponse.due, outcomes: { met: s.sla.firstResponse.met } };
    case 'slaResolution':
      return { count: s.sla.resolution.due, outcomes: { met: s.sla.resolution.met } };
    case 'serviceLevel':
    case 'abandonment':
      return { count: s.serviceLevel.offered, outcomes: { answered_within: s.serviceLevel.answeredWithin, abandoned: s.abandonment.abandoned } };
    case 'backlog':
      return { count: s.backlog ?? 0 };
    case 'volume':
      return { count: s.volume.total ?? 0 };
    default:
      return { count: s.tma.handled };
  }
}

/** The KPI's value recomputed from the rows alone (averages of times, shares of outcomes). */
function valueFromRows(kpi: DrillableKpi, rows: DrillRow[]): number | null {
  if (rows.length === 0) return null;
  const mean = () => rows.reduce((sum, r) => sum + (r.value ?? Number.NaN), 0) / rows.length;
  const share = (outcome: string) => (rows.filter((r) => r.outcome === outcome).length / rows.length) * 100;
  if (kpi.startsWith('tma') || kpi.startsWith('tme') || kpi.startsWith('tmr')) return mean();
  if (kpi === 'fcr') return share('first_contact');
  if (kpi === 'csat') return share('positive');
  if (kpi === 'serviceLevel') return share('answered_within');
  if (kpi === 'abandonment') return share('abandoned');
  if (kpi === 'slaFirstResponse' || kpi === 'slaResolution') return share('met');
  return null;
}

type Filters = NonNullable<Parameters<Caller['metrics']['summary']>[0]['filters']>;

async function checkAll(caller: Caller, period: { from: string; to: string; filters?: Filters }, bucketKey?: string) {
  for (const kpi of DRILLABLE_KPIS) {
    const channel = (TMA_CHANNEL as Record<string, string>)[kpi];
    const bucket = bucketKey ? { from: bucketKey, to: nextDay(bucketKey) } : period;
    const summary = await caller.metrics.summary({ ...bucket, ...(period.filters || channel ? { filters: { ...period.filters, ...(channel ? { channels: [channel as 'phone'] } : {}) } } : {}) });
    const drill = await caller.reports.drilldown({ ...period, kpi, limit: 5000, ...(bucketKey ? { bucketKey } : {}) });
    const want = expected(kpi, summary);
    const label = `${kpi} ${bucketKey ?? `${period.from}..${period.to}`}`;
    expect(drill.total, label).toBe(want.count);
    expect(drill.rows, label).toHaveLength(want.count);
    expect(new Set(drill.rows.map((r) => r.id)).size, `${label}: no record twice`).toBe(want.count);
    for (const [outcome, n] of Object.entries(want.outcomes ?? {})) expect(drill.rows.filter((r) => r.outcome === outcome).length, `${label} ${outcome}`).toBe(n);
    const value = valueFromRows(kpi, drill.rows);
    const reported = summary.values[kpi];
    if (value !== null && reported !== null) expect(value, `${label} value`).toBeCloseTo(reported, 6);
    else if (kpi !== 'csatResponseRate' && kpi !== 'npsResponseRate' && kpi !== 'nps' && kpi !== 'backlog' && kpi !== 'volume') expect(value, `${label} value`).toBe(reported);
  }
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

describe('reports.drilldown', () => {
  it('returns exactly the records behind every KPI, over a period and for one point of a series, on a generated floor', async () => {
    const floor = generateFloor({ customers: 250, tickets: 900, days: 14, seed: 11, now: clock.now() });
    await loadFloor(t.core.services.store, floor, { passwords: () => 'x-password-1', now: clock.now() });
    const { caller: admin } = await t.login('admin', ADMIN_PASSWORD);
    const period = { from: '2026-11-07', to: '2026-11-21' };
    await checkAll(admin, period);
    await checkAll(admin, period, '2026-11-12');
    await checkAll(admin, period, '2026-11-20');
    await checkAll(admin, { ...period, filters: { teamIds: ['team_geral'], channels: ['phone', 'email'] } });
    // A supervisor of one team: scoped like the metrics.
    const users = await admin.users.list();
    await admin.users.create({ username: 'sup.digital', displayName: 'Sup', role: 'supervisor', password: 'senha-sup-digital', teamIds: ['team_digital'] });
    const { caller: sup } = await t.login('sup.digital', 'senha-sup-digital');
    await checkAll(sup, { from: '2026-11-14', to: '2026-11-21' });
    const rows = (await sup.reports.drilldown({ from: '2026-11-14', to: '2026-11-21', kpi: 'volume', limit: 5000 })).rows;
    const digital = new Set([...t.core.services.store.tickets.values()].filter((tk) => tk.teamId === 'team_digital').map((tk) => tk.id));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => digital.has(r.id))).toBe(true);
    expect(users.length).toBeGreaterThan(0);
  }, 120_000);

  it('names the ticket, customer and agent behind a solve, and refuses a point outside the period', async () => {
    const { admin, ana, ticket, customer } = await workspaceFloor(t, clock);
    const created = await ticket(admin, 'Segunda via do boleto', { teamId: 'team_geral' });
    clock.advance(5 * 60_000);
    const taken = await ana.tickets.take({ id: created.id, version: created.version });
    // Status events of one instant are ordered by (random) id in the KPI engine: keep them apart.
    clock.advance(1000);
    await ana.tickets.addMessage({ id: taken.id, version: taken.version, kind: 'reply', body: 'Segue.', workSeconds: 240, setStatus: 'solved' });
    const day = { from: '2026-11-20', to: '2026-11-21' };
    const fcr = await admin.reports.drilldown({ ...day, kpi: 'fcr', bucketKey: '2026-11-20' });
    expect(fcr.total).toBe(1);
    expect(fcr.rows[0]).toMatchObject({
      kind: 'ticket',
      id: created.id,
      ticketId: created.id,
      ticketNumber: created.number,
      subject: 'Segunda via do boleto',
      channel: 'email',
      customerId: customer.id,
      customerName: 'Conceição Araújo',
      agentName: 'ANA',
      outcome: 'first_contact',
      at: clock.now().toISOString(),
    });
    expect((await admin.reports.drilldown({ ...day, kpi: 'tma' })).rows[0]).toMatchObject({ id: created.id, value: 240 });
    // First response in the ticket's SLA business hours (20 Nov is a national holiday): as the metrics say.
    const summary = await admin.metrics.summary(day);
    expect((await admin.reports.drilldown({ ...day, kpi: 'tmeDigital' })).rows[0]).toMatchObject({ id: created.id, value: summary.tme.digital });
    expect((await admin.reports.drilldown({ ...day, kpi: 'tmrCalendar' })).rows[0]).toMatchObject({ id: created.id, value: 301 });
    expect((await admin.reports.drilldown({ from: '2026-11-19', to: '2026-11-20', kpi: 'fcr' })).total).toBe(0);
    await expect(admin.reports.drilldown({ ...day, kpi: 'fcr', bucketKey: '2026-11-25' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.reports.drilldown({ ...day, kpi: 'occupancy' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.reports.drilldown({ ...day, kpi: 'fcr', bucketKey: 'amanhã' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('reports.volume and reports.options', () => {
  it('splits volume by channel per bucket and lists the filter choices the viewer may use', async () => {
    const floor = generateFloor({ customers: 120, tickets: 300, days: 10, seed: 3, now: clock.now() });
    await loadFloor(t.core.services.store, floor, { passwords: () => 'x-password-1', now: clock.now() });
    const { caller: admin } = await t.login('admin', ADMIN_PASSWORD);
    const period = { from: '2026-11-11', to: '2026-11-21' };
    const points = await admin.reports.volume({ ...period, bucket: 'day' });
    const series = await admin.metrics.series({ ...period, bucket: 'day', kpis: ['volume'] });
    expect(points.map((p) => p.key)).toEqual(series.map((p) => p.key));
    points.forEach((p, i) => {
      expect(Object.values(p.byChannel).reduce((a, b) => a + b, 0)).toBe(p.total);
      expect(p.total).toBe(series[i]?.values.volume ?? 0);
    });
    const week = await admin.reports.volume({ ...period, bucket: 'week' });
    expect(week.reduce((a, p) => a + p.total, 0)).toBe(points.reduce((a, p) => a + p.total, 0));

    const options = await admin.reports.options();
    expect(options).toMatchObject({ timeZone: 'America/Sao_Paulo', today: '2026-11-20', queues: ['atendimento'] });
    const allTeams = [...t.core.services.store.teams.values()].map((x) => x.id).sort();
    expect(allTeams).toContain('team_geral');
    expect(options.teams.map((x) => x.id).sort()).toEqual(allTeams);
    expect(options.categories.length).toBeGreaterThan(3);
    expect(options.agents.length).toBe([...t.core.services.store.users.values()].filter((u) => u.role === 'agent').length);
    const { caller: sup } = await t.login('supervisor', 'x-password-1');
    const supOptions = await sup.reports.options();
    const supervisorTeams = t.core.services.store.users.byIndex('username', 'supervisor')[0]?.teamIds ?? [];
    expect(supOptions.teams.map((x) => x.id).sort()).toEqual([...supervisorTeams].sort());
    // A category created later shows up without a rescan.
    const customer = [...t.core.services.store.customers.values()][0];
    await admin.tickets.create({ subject: 'Nova categoria', channel: 'chat', requesterId: customer?.id as string, category: 'Categoria inédita' });
    expect((await admin.reports.options()).categories).toContain('Categoria inédita');
  });
});
