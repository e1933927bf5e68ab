import { createTRPCClient, createWSClient, httpBatchLink, wsLink } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WallboardSnapshot } from '../../main/domain/metrics/wallboard.service';
import { ManualClock } from '../../main/domain/shared/clock';
import { startHttpServer, type RunningServer } from '../../main/server/http/http-server';
import { silentLogger } from '../../main/server/logger';
import type { AppRouter } from '../../main/server/router';
import type { Ticket } from '../../shared/schemas';
import { ADMIN_PASSWORD, createTestCore, type Caller, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

const NOW = '2026-11-20T15:00:00.000Z'; // 12:00 in São Paulo
let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock(NOW);
  t = await createTestCore({ clock });
});
afterEach(async () => t.close());

const ago = (minutes: number) => new Date(clock.now().getTime() - minutes * 60_000).toISOString();

/** A ticket written straight to the store with an SLA clock started `ageMin` ago and due in `dueInMin`. */
async function slaTicket(number: number, teamId: string | null, ageMin: number, dueInMin: number, requesterId: string, extra: Partial<Ticket> = {}): Promise<Ticket> {
  const created = ago(ageMin);
  const due = ago(-dueInMin);
  return t.core.services.store.write((tx) =>
    tx.put('tickets', {
      id: `tkt_sla${number}`,
      createdAt: created,
      updatedAt: created,
      version: 0,
      number: 9000 + number,
      subject: `SLA ${number}`,
      channel: 'email',
      status: 'open',
      priority: 'normal',
      category: null,
      tags: [],
      requesterId,
      assigneeId: null,
      teamId,
      externalThreadId: null,
      sla: { policyId: null, firstResponseDueAt: due, resolutionDueAt: ago(-24 * 60), firstResponseAt: null, pausedSeconds: 0, pausedSince: null },
      solvedAt: null,
      closedAt: null,
      reopenCount: 0,
      mergedInto: null,
      tier: 1,
      ...extra,
    }),
  );
}

const call = (admin: Caller, callId: string, state: 'queued' | 'ringing' | 'answered' | 'ended' | 'abandoned', atMinAgo: number, extension: string | null = null) =>
  admin.cti.simulate({ callId, linkedId: callId, state, ani: '+55 11 98765-4321', dnis: '08007771234', queue: 'atendimento', extension, ivr: {}, at: ago(atMinAgo) });

/**
 * The hand-made floor: Ana in a call, Bia paused for lunch, Caio available (Digital), Duda (N2,
 * outside the supervisor's teams) available; two calls waiting (3 and 1.5 min), one answered;
 * tickets at 80 % (at risk), breached, at 50 %, paused after its due time (breached) and before it (not
 * counted), breached in N2, and one in the general queue at 99.5 %.
 */
async function handMadeFloor() {
  const floor = await workspaceFloor(t, clock);
  const { admin, bia, caio, customer } = floor;
  const users = await admin.users.list();
  const id = (username: string) => users.find((u) => u.username === username)?.id as string;
  const ana = users.find((u) => u.username === 'ana');
  await admin.users.update({ id: id('ana'), version: ana?.version ?? 0, patch: { extension: '2001' } });
  await admin.users.create({ username: 'duda', displayName: 'DUDA', role: 'agent', password: 'senha-duda-123', teamIds: ['team_n2'] });
  const duda = (await t.login('duda', 'senha-duda-123')).caller;
  await duda.users.setMyState({ state: 'available' });
  await caio.users.setMyState({ state: 'available' });
  clock.advance(-10 * 60_000);
  await bia.users.setMyState({ state: 'paused', reason: 'lunch' });
  clock.advance(10 * 60_000);
  await call(admin, 'c-answered', 'queued', 6);
  await call(admin, 'c-answered', 'answered', 5.5, '2001');
  await call(admin, 'c-wait-1', 'queued', 3);
  await call(admin, 'c-wait-2', 'queued', 1.5);
  await call(admin, 'c-gone', 'queued', 4);
  await call(admin, 'c-gone', 'abandoned', 2);
  await slaTicket(1, 'team_geral', 80, 20, customer.id);
  await slaTicket(2, 'team_digital', 60, -5, customer.id);
  await slaTicket(3, 'team_geral', 30, 30, customer.id);
  await slaTicket(4, 'team_geral', 60, -30, customer.id, { status: 'pending', sla: { policyId: null, firstResponseDueAt: ago(30), resolutionDueAt: null, firstResponseAt: null, pausedSeconds: 0, pausedSince: ago(20) } });
  await slaTicket(7, 'team_geral', 60, -30, customer.id, { status: 'on_hold', sla: { policyId: null, firstResponseDueAt: ago(30), resolutionDueAt: null, firstResponseAt: null, pausedSeconds: 0, pausedSince: ago(40) } });
  await slaTicket(5, 'team_n2', 60, -1, customer.id);
  await slaTicket(6, null, 100, 0.5, customer.id);
  return { ...floor, id };
}

describe('wallboard snapshot', () => {
  it('shows agents by state, calls waiting with the longest wait, SLA risk and today’s KPIs on a hand-made floor', async () => {
    const { admin, sup, id } = await handMadeFloor();
    const s = await sup.wallboard.snapshot();
    expect(s.generatedAt).toBe(NOW);
    expect(s.today).toBe('2026-11-20');
    expect(s.agents.map((a) => [a.name, a.state, a.pauseReason])).toEqual([
      ['ANA', 'in_call', null],
      ['CAIO', 'available', null],
      ['BIA', 'paused', 'lunch'],
    ]);
    expect(s.agents.find((a) => a.name === 'BIA')?.since).toBe(ago(10));
    expect(s.agentCounts).toEqual({ available: 1, in_call: 1, wrap_up: 0, paused: 1, offline: 0 });
    expect(s.calls.waiting).toBe(2);
    expect(s.calls.longestWaitSeconds).toBe(180);
    expect(s.calls.list.map((c) => [c.callId, c.waitSeconds, c.aniTail])).toEqual([
      ['c-wait-1', 180, '4321'],
      ['c-wait-2', 90, '4321'],
    ]);
    // #1 at 80 %, #6 at 99.5 % (general queue) at risk; #2 breached; #3 at 50 % fine; #4 paused after it fell due: breached; #7 paused before: neither; #5 is N2's.
    expect(s.sla).toMatchObject({ atRisk: 2, breached: 2 });
    expect(s.sla.tickets.map((x) => [x.number, x.state])).toEqual([
      [9004, 'breached'],
      [9002, 'breached'],
      [9006, 'at_risk'],
      [9001, 'at_risk'],
    ]);
    expect(s.kpis.values.tmeVoice).toBe(30);
    expect(s.kpis.values.serviceLevel).toBe(0);
    expect(s.kpis.values.abandonment).toBe(50);
    // TMA, FCR, CSAT: the supervisor's teams; queue figures: the whole phone queue (as the admin sees it).
    const mine = await sup.metrics.summary({ from: '2026-11-20', to: '2026-11-21' });
    const floorWide = await admin.metrics.summary({ from: '2026-11-20', to: '2026-11-21' });
    for (const k of ['tma', 'fcr', 'csat'] as const) expect(s.kpis.values[k], k).toBe(mine.values[k]);
    for (const k of ['tmeVoice', 'serviceLevel', 'abandonment'] as const) expect(s.kpis.values[k], k).toBe(floorWide.values[k]);
    expect(s.kpis.counts).toMatchObject({ offered: 2, answered: 1 });
    expect(s.targets).toMatchObject({ tma: 360, tmeVoice: 20, fcr: 75, csat: 85, serviceLevel: 80, abandonment: 5 });

    // The admin sees N2 too: Duda, and ticket #5.
    const all = await admin.wallboard.snapshot();
    expect(all.agents.map((a) => a.name)).toContain('DUDA');
    expect(all.sla).toMatchObject({ atRisk: 2, breached: 3 });

    // Time moves on: waits and shares grow without any write.
    clock.advance(60_000);
    const later = await sup.wallboard.snapshot();
    expect(later.calls.longestWaitSeconds).toBe(240);
    expect(later.sla).toMatchObject({ atRisk: 1, breached: 3 }); // #6 fell due
    // The call is answered, #1 gets its first reply: both leave.
    await call(admin, 'c-wait-1', 'answered', 0, '2001');
    const firstReply = clock.now().toISOString();
    await t.core.services.store.write((tx) => {
      const tk = t.core.services.store.tickets.get('tkt_sla1') as Ticket;
      tx.put('tickets', { ...tk, sla: { ...tk.sla, firstResponseAt: firstReply } });
    });
    const after = await sup.wallboard.snapshot();
    expect(after.calls).toMatchObject({ waiting: 1, longestWaitSeconds: 150 });
    expect(after.sla).toMatchObject({ atRisk: 0, breached: 3 });
    expect(after.agents.find((a) => a.id === id('ana'))?.state).toBe('in_call');
  });

  it('leaves out calls queued so long ago that their hang-up was lost', async () => {
    const { admin, sup } = await handMadeFloor();
    await call(admin, 'c-ancient', 'queued', 13 * 60);
    expect((await sup.wallboard.snapshot()).calls).toMatchObject({ waiting: 2, longestWaitSeconds: 180 });
  });

  it('is for supervisors and admins only; targets are validated per KPI and changed by admins only', async () => {
    const { admin, ana, sup } = await workspaceFloor(t, clock);
    await expect(ana.wallboard.snapshot()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ana.wallboard.targets()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ana.reports.options()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ana.reports.drilldown({ from: '2026-11-20', to: '2026-11-21', kpi: 'volume' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(ana.wallboard.onUpdate()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sup.wallboard.setTargets({ tma: 300 })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(await sup.wallboard.targets()).toEqual({ tma: 360, tmeVoice: 20, fcr: 75, csat: 85, serviceLevel: 80, abandonment: 5, slaFirstResponse: 90, slaResolution: 90 });
    const bad = [{ fcr: 101 }, { csat: -1 }, { tma: -5 }, { nps: 150 }, { backlog: 2.5 }, { unknownKpi: 3 }, { tma: '300' }];
    for (const patch of bad) await expect(admin.wallboard.setTargets(patch as never), JSON.stringify(patch)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    try {
      await admin.wallboard.setTargets({ fcr: 120 });
    } catch (err) {
      expect((err as { cause?: { issues?: { path: unknown[] }[] } }).cause?.issues?.[0]?.path).toEqual(['fcr']);
    }
    const next = await admin.wallboard.setTargets({ tma: 300, fcr: 80, abandonment: null, nps: 40 });
    expect(next).toMatchObject({ tma: 300, fcr: 80, nps: 40, tmeVoice: 20 });
    expect(next).not.toHaveProperty('abandonment');
    expect(await sup.wallboard.targets()).toEqual(next);
    expect((await sup.wallboard.snapshot()).targets).toEqual(next);
    const audit = [...t.core.services.store.audit.values()].filter((a) => a.action === 'kpi.targets');
    expect(audit).toHaveLength(1);
    expect(audit[0]?.changes).toMatchObject({ tma: [360, 300], abandonment: [5, null] });
    // Survives a restart (a store setting).
    const dir = t.dir;
    await t.core.close();
    const again = await createTestCore({ dir, clock });
    const { caller } = await again.login('admin', ADMIN_PASSWORD);
    expect(await caller.wallboard.targets()).toEqual(next);
    await again.close();
    t = await createTestCore({ clock });
  });
});

describe('wallboard subscription', () => {
  let server: RunningServer;
  afterEach(async () => server?.close());

  it('pushes a fresh snapshot within 2 s of a change, coalesces bursts, and at least every 2 s when idle', async () => {
    server = await startHttpServer({ core: t.core, host: '127.0.0.1', port: 0, rendererDir: t.dir, log: silentLogger });
    const { admin } = await workspaceFloor(t, clock);
    const http = (token: string | null) => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc`, headers: () => (token ? { Authorization: `Bearer ${token}` } : {}) })] });
    const { token } = await http(null).auth.login.mutate({ username: 'sup', password: 'senha-sup-123' });
    const wsClient = createWSClient({ url: `${server.url.replace('http', 'ws')}/trpc`, WebSocket: WebSocket as never, connectionParams: () => ({ token: token ?? '' }) });
    const ws = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
    const received: { at: number; snapshot: WallboardSnapshot }[] = [];
    const sub = ws.wallboard.onUpdate.subscribe(undefined, { onData: (s) => received.push({ at: performance.now(), snapshot: s as WallboardSnapshot }) });
    try {
      const waitFor = async (check: () => boolean, ms: number) => {
        const deadline = performance.now() + ms;
        while (!check()) {
          if (performance.now() > deadline) throw new Error('timed out');
          await new Promise((r) => setTimeout(r, 10));
        }
      };
      await waitFor(() => received.length >= 1, 3000);
      expect(received[0]?.snapshot.calls.waiting).toBe(0);

      // Idle: pushes keep coming (times in state and waits move on) — never 2 s apart.
      const idleFrom = received.length;
      await new Promise((r) => setTimeout(r, 2500));
      const idle = received.slice(idleFrom - 1);
      expect(idle.length).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < idle.length; i++) expect((idle[i]?.at ?? 0) - (idle[i - 1]?.at ?? 0)).toBeLessThan(2000);

      // A call enters the queue: on the wallboard well within 2 s.
      const sent = performance.now();
      await call(admin, 'c-live', 'queued', 0);
      await waitFor(() => received.some((r) => r.snapshot.calls.waiting === 1), 2000);
      expect((received.find((r) => r.snapshot.calls.waiting === 1)?.at ?? Infinity) - sent).toBeLessThan(1000);

      // A burst of ten ticket changes within ~100 ms: a couple of pushes, not ten.
      const before = received.length;
      const burstStart = performance.now();
      for (let i = 0; i < 10; i++) t.core.services.bus.publish('ticketChanged', { ticketId: `tkt_${i}`, kind: 'updated', teamId: null, assigneeId: null });
      await new Promise((r) => setTimeout(r, 700));
      const burst = received.slice(before).filter((r) => r.at - burstStart < 700);
      expect(burst.length).toBeGreaterThanOrEqual(1);
      expect(burst.length).toBeLessThanOrEqual(2);
    } finally {
      sub.unsubscribe();
      wsClient.close();
    }
  });
});
