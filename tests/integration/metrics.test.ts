import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeFromHistory } from '../../shared/kpi';
import { ManualClock } from '../../main/domain/shared/clock';
import { generateFloor, loadFloor } from '../../main/domain/demo/index';
import { createTestCore, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

/** Same KPIs, to 6 decimals (sums in another order differ in the last bit). */
function expectClose(actual: Record<string, number | null | undefined>, expected: Record<string, number | null | undefined>): void {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [k, v] of Object.entries(expected)) {
    if (typeof v === 'number') expect(actual[k], k).toBeCloseTo(v, 6);
    else expect(actual[k], k).toBe(v);
  }
}

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  // Thursday 12:00 in São Paulo: inside business hours (20 Nov is a national holiday).
  clock = new ManualClock('2026-11-19T15:00:00.000Z');
  t = await createTestCore({ clock });
});
afterEach(async () => t.close());

describe('metrics procedures', () => {
  it('update incrementally on every write: a solve, a reply and a survey answer move the figures at once', async () => {
    const { admin, ana, ticket } = await workspaceFloor(t, clock);
    const day = { from: '2026-11-19', to: '2026-11-20' };
    expect((await admin.metrics.summary(day)).values).toMatchObject({ volume: null, backlog: null });
    const created = await ticket(admin, 'Boleto', { teamId: 'team_geral' });
    clock.advance(10 * 60_000);
    const taken = await ana.tickets.take({ id: created.id, version: created.version });
    clock.advance(1000);
    const replied = await ana.tickets.addMessage({ id: taken.id, version: taken.version, kind: 'reply', body: 'Segue o boleto.', workSeconds: 300, setStatus: 'solved' });
    let summary = await admin.metrics.summary(day);
    expect(summary.volume.total).toBe(1);
    expect(summary.tme.digital).toBe(601);
    expect(summary.tmr.calendar).toBe(601);
    expect(summary.tma.byChannel.email).toBe(300);
    expect(summary.fcr).toMatchObject({ solved: 1, firstContact: 1, provisional: 1 });
    const now = clock.now().toISOString();
    await t.core.services.store.write((tx) =>
      tx.put('surveys', { id: 'srv_t', createdAt: now, updatedAt: now, version: 0, kind: 'csat', ticketId: replied.id, customerId: replied.requesterId, agentId: replied.assigneeId, tokenHash: 'h', sentAt: now, expiresAt: now, answeredAt: now, score: 5, comment: null }),
    );
    summary = await admin.metrics.summary(day);
    // Sent: the survey the solve sent on its own (unanswered) and the one answered here.
    expect(summary.csat).toMatchObject({ score: 100, answers: 1, sent: 2 });
  });

  it('scopes figures by role: an agent sees only their own, a supervisor only their teams', async () => {
    const { admin, ana, caio, sup, ticket } = await workspaceFloor(t, clock);
    const users = await admin.users.list();
    const anaId = users.find((u) => u.username === 'ana')?.id as string;
    const caioId = users.find((u) => u.username === 'caio')?.id as string;
    for (const [who, team, assignee] of [[ana, 'team_geral', anaId], [caio, 'team_digital', caioId]] as const) {
      const tk = await ticket(admin, `Ticket de ${assignee}`, { teamId: team, assigneeId: assignee });
      await who.tickets.addMessage({ id: tk.id, version: tk.version, kind: 'reply', body: 'ok', workSeconds: 60, setStatus: 'solved' });
    }
    await ticket(admin, 'Sem time', { teamId: 'team_n2' });
    const day = { from: '2026-11-19', to: '2026-11-20' };
    expect((await admin.metrics.summary(day)).volume.total).toBe(3);
    expect((await sup.metrics.summary(day)).volume.total).toBe(2);
    expect((await sup.metrics.summary({ ...day, filters: { teamIds: ['team_n2'] } })).volume.total).toBeNull();
    expect((await ana.metrics.summary(day)).fcr.solved).toBe(1);
    expect((await ana.metrics.summary({ ...day, filters: { agentIds: [caioId] } })).fcr.solved).toBe(0);
    expect((await ana.metrics.agents(day)).map((r) => r.agentId)).toEqual([anaId]);
    await expect(ana.metrics.summary({ from: '2026-11-21', to: '2026-11-20' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it("counts a call without a ticket for the team answering its PBX queue, once an admin names the queue", async () => {
    const { admin, sup } = await workspaceFloor(t, clock);
    const at = (minAgo: number) => new Date(clock.now().getTime() - minAgo * 60_000).toISOString();
    const call = (callId: string, state: 'queued' | 'abandoned', minAgo: number) =>
      admin.cti.simulate({ callId, linkedId: callId, state, ani: '+55 11 91234-5678', dnis: '08007771234', queue: 'suporte', extension: null, ivr: {}, at: at(minAgo) });
    await call('c-abandon', 'queued', 10);
    await call('c-abandon', 'abandoned', 9);
    const day = { from: '2026-11-19', to: '2026-11-20' };
    expect((await admin.metrics.summary(day)).abandonment).toMatchObject({ offered: 1, abandoned: 1 });
    // No team answers "suporte" yet: the supervisor of Geral and Digital does not see the call.
    expect((await sup.metrics.summary(day)).abandonment.offered).toBe(0);

    const geral = (await admin.teams.list()).find((team) => team.id === 'team_geral');
    await admin.teams.update({ id: 'team_geral', name: geral?.name ?? 'Geral', tier: 1, description: '', queues: ['suporte'] });
    expect((await sup.metrics.summary(day)).abandonment).toMatchObject({ offered: 1, abandoned: 1, rate: 100 });
    expect((await admin.metrics.summary({ ...day, filters: { teamIds: ['team_digital'] } })).abandonment.offered).toBe(0);
    // One team per queue.
    await expect(admin.teams.update({ id: 'team_digital', name: 'Digital', tier: 1, description: '', queues: ['suporte'] })).rejects.toMatchObject({ code: 'CONFLICT', message: 'errors.queue_taken' });
    // The reference computation with the same options agrees.
    const asOf = clock.now().toISOString();
    const reference = computeFromHistory(t.core.services.metrics.records(), { kind: 'summary', ...day, asOf, filters: { teamIds: ['team_geral'] } }, t.core.services.metrics.kpiOptions());
    expect(reference.abandonment).toMatchObject({ offered: 1, abandoned: 1 });
  });

  it('match a recomputation from raw history on a generated floor (summary, daily series, agents)', async () => {
    const floor = generateFloor({ customers: 300, tickets: 1500, days: 20, seed: 5, now: clock.now() });
    await loadFloor(t.core.services.store, floor, { passwords: () => 'x-password-1', now: clock.now() });
    const metrics = t.core.services.metrics;
    await metrics.whenReady();
    const period = { from: '2026-11-01', to: '2026-11-20' };
    const asOf = clock.now().toISOString();
    const reference = computeFromHistory(metrics.records(), { kind: 'summary', from: period.from, to: period.to, asOf }, metrics.kpiOptions());
    expectClose(metrics.summary(null, period).values, reference.values);
    const series = metrics.series(null, { ...period, bucket: 'day', kpis: ['tma', 'fcr', 'csat', 'volume', 'serviceLevel'] });
    const refSeries = computeFromHistory(metrics.records(), { kind: 'series', ...period, asOf, bucket: 'day', kpis: ['tma', 'fcr', 'csat', 'volume', 'serviceLevel'] }, metrics.kpiOptions());
    expect(series.map((p) => p.key)).toEqual(refSeries.map((p) => p.key));
    series.forEach((p, i) => expectClose(p.values, refSeries[i]?.values ?? {}));
    expect(series).toHaveLength(19);
    const agents = metrics.agents(null, period);
    const refAgents = computeFromHistory(metrics.records(), { kind: 'agents', ...period, asOf }, metrics.kpiOptions());
    expect(agents.map((a) => [a.agentId, a.handled])).toEqual(refAgents.map((a) => [a.agentId, a.handled]));
    expect(agents.length).toBeGreaterThan(5);
    expect(series.filter((p) => p.values.volume !== null).length).toBeGreaterThan(15);
  });
});
