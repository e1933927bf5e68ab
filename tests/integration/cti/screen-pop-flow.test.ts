import { createTRPCClient, createWSClient, httpBatchLink, wsLink } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signBody } from '../../../main/cti/webhook/webhook-signature';
import { ManualClock } from '../../../main/domain/shared/clock';
import type { ScreenPop } from '../../../main/domain/telephony/screen-pop';
import { startHttpServer, type RunningServer } from '../../../main/server/http/http-server';
import { silentLogger } from '../../../main/server/logger';
import type { AppRouter } from '../../../main/server/router';
import { FakePbx } from '../../fixtures/fake-pbx';
import { ADMIN_PASSWORD, createTestCore, type TestCore } from '../helpers/test-core';
import { amiConfigFor } from './cti-test-helpers';

const CTI_SECRET = 'cti-webhook-secret-0123456789';
let pbx: FakePbx;
let t: TestCore;
let server: RunningServer;
let clock: ManualClock;
const closers: (() => void)[] = [];

beforeEach(async () => {
  pbx = await FakePbx.start();
  clock = new ManualClock('2026-11-20T13:00:00.000Z');
  t = await createTestCore({ clock, config: { ami: amiConfigFor(pbx), ctiSecret: CTI_SECRET } });
  server = await startHttpServer({ core: t.core, host: '127.0.0.1', port: 0, rendererDir: t.dir, log: silentLogger });
  await pbx.waitForLogin(1);
});
afterEach(async () => {
  closers.splice(0).forEach((c) => c());
  await server.close();
  await t.close();
  await pbx.close();
});

const http = (token: string | null) => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc`, headers: () => (token ? { Authorization: `Bearer ${token}` } : {}) })] });

/** An agent with extension `ext`, signed in, with a live WebSocket subscription to screen pops and call updates. */
async function agent(username: string, ext: string) {
  const admin = http((await http(null).auth.login.mutate({ username: 'admin', password: ADMIN_PASSWORD })).token);
  await admin.users.create.mutate({ username, displayName: username.toUpperCase(), role: 'agent', password: `senha-${username}-1`, extension: ext });
  const { token } = await http(null).auth.login.mutate({ username, password: `senha-${username}-1` });
  const wsClient = createWSClient({ url: `${server.url.replace('http', 'ws')}/trpc`, WebSocket: WebSocket as never, connectionParams: () => ({ token: token ?? '' }) });
  const ws = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
  const pops: ScreenPop[] = [];
  const calls: string[] = [];
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  await new Promise<void>((resolve, reject) => {
    let started = 0;
    const ready = () => ++started === 2 && resolve();
    const a = ws.cti.onScreenPop.subscribe(undefined, { onStarted: ready, onData: (p) => (pops.push(p as ScreenPop), notify()), onError: reject });
    const b = ws.cti.onCall.subscribe(undefined, { onStarted: ready, onData: (c) => (calls.push(c.state), notify()), onError: reject });
    closers.push(() => (a.unsubscribe(), b.unsubscribe(), wsClient.close()));
  });
  const until = async (check: () => boolean) => {
    const deadline = Date.now() + 5000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for a CTI update');
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 100);
      });
    }
  };
  return { api: http(token), admin, pops, calls, until };
}

describe('CTI screen pop over AMI', () => {
  it('pops the caller 360° (number in another format) at ring time, records the call and its wrap-up', async () => {
    const ana = await agent('ana', '2001');
    const customer = await ana.admin.customers.create.mutate({ name: 'Conceição Araújo', phones: ['(11) 98765-4321'] });
    await ana.admin.tickets.create.mutate({ subject: 'Entrega atrasada', channel: 'whatsapp', requesterId: customer.id, body: 'Cadê meu pedido?' });

    await pbx.ringAgent({ callId: '1700000001.10', ani: '011987654321', extension: '2001', queue: 'atendimento' });
    await ana.until(() => ana.pops.length === 1);
    const pop = ana.pops[0] as ScreenPop;
    expect(pop).toMatchObject({ callId: '1700000001.10', extension: '2001', queue: 'atendimento', matchedBy: 'phone' });
    expect(pop.view?.customer).toMatchObject({ id: customer.id, name: 'Conceição Araújo' });
    expect(pop.view?.openTickets.map((x) => x.subject)).toEqual(['Entrega atrasada']);

    clock.advance(5_000);
    await pbx.answer('1700000001.10');
    await ana.until(() => ana.calls.includes('answered'));
    expect((await ana.api.auth.me.query()).state).toBe('in_call');
    clock.advance(60_000);
    await pbx.hold('1700000001.10');
    await ana.until(() => ana.calls.includes('held'));
    clock.advance(30_000);
    await pbx.unhold('1700000001.10');
    await ana.until(() => ana.calls.includes('unheld'));
    clock.advance(120_000);
    await pbx.hangup('1700000001.10');
    await ana.until(() => ana.calls.includes('ended'));
    expect((await ana.api.auth.me.query()).state).toBe('wrap_up');
    expect(await ana.api.cti.pendingWrapUps.query()).toMatchObject([{ callId: '1700000001.10', customerId: customer.id }]);

    clock.advance(45_000);
    const wrapped = await ana.api.cti.wrapUp.mutate({ callId: '1700000001.10', disposition: 'entrega-rastreada', notes: 'Pedido sai amanhã', resolvedOnCall: true, newTicketSubject: 'Ligação: entrega atrasada' });
    expect(wrapped.ticketId).toBeTruthy();
    expect((await ana.api.auth.me.query()).state).toBe('available');
    const call = t.core.services.cti.call('1700000001.10');
    expect(call?.call).toMatchObject({ holdSeconds: 30, wrapUp: { seconds: 45, disposition: 'entrega-rastreada', resolvedOnCall: true } });
    expect(Date.parse(call?.call?.endedAt ?? '') - Date.parse(call?.call?.answeredAt ?? '')).toBe(210_000);
    const view = await ana.api.customers.view360.query({ id: customer.id });
    const timelineCall = view.timeline.find((e) => e.kind === 'call');
    expect(timelineCall).toMatchObject({ body: 'Pedido sai amanhã', ticketNumber: expect.any(Number) });
    await expect(ana.api.cti.wrapUp.mutate({ callId: '1700000001.10', disposition: 'x', resolvedOnCall: false })).rejects.toMatchObject({ data: { code: 'BAD_REQUEST' } });
  });

  it('offers a chooser for several matches, a quick-create for none, and finds the caller by the CPF typed in the IVR', async () => {
    const ana = await agent('ana', '2001');
    const a = await ana.admin.customers.create.mutate({ name: 'Pai', phones: ['11 3333-4444'] });
    const b = await ana.admin.customers.create.mutate({ name: 'Filha', phones: ['11 3333-4444'] });
    const c = await ana.admin.customers.create.mutate({ name: 'Com CPF', cpf: '529.982.247-25' });
    await pbx.ringAgent({ callId: 'c1', ani: '1133334444', extension: '2001' });
    await pbx.ringAgent({ callId: 'c2', ani: '21999990000', extension: '2001' });
    await pbx.ringAgent({ callId: 'c3', ani: null, extension: '2001', ivr: { CPF: '52998224725' } });
    await ana.until(() => ana.pops.length === 3);
    const [several, none, byCpf] = ana.pops as [ScreenPop, ScreenPop, ScreenPop];
    expect(several.matches.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect(several.view).toBeNull();
    expect(none).toMatchObject({ matches: [], view: null, ani: '21999990000' });
    expect(byCpf).toMatchObject({ matchedBy: 'cpf', view: { customer: { id: c.id, cpfMasked: '***.982.247-**' } } });
  });

  it('survives unknown extensions, duplicate and out-of-order events and hang-ups of calls never seen', async () => {
    const ana = await agent('ana', '2001');
    await pbx.ringAgent({ callId: 'ghost', ani: '11987654321', extension: '2999' });
    await pbx.sendEvent({ Event: 'Hangup', Channel: 'PJSIP/trunk-00000099', Uniqueid: 'never-seen', Linkedid: 'never-seen', CallerIDNum: '11987654321', Cause: '16' });
    await pbx.ringAgent({ callId: 'dup', ani: '11987654321', extension: '2001' });
    await pbx.ringAgent({ callId: 'dup', ani: '11987654321', extension: '2001' });
    await ana.until(() => ana.pops.length >= 1);
    await pbx.answer('dup');
    await pbx.answer('dup');
    await ana.until(() => ana.calls.includes('answered'));
    await pbx.hangup('dup');
    await ana.until(() => ana.calls.includes('ended'));
    const calls = [...t.core.services.store.interactions.values()].filter((i) => i.kind === 'call');
    expect(calls.map((i) => i.call?.callId).sort()).toEqual(['dup', 'ghost']);
    expect(calls.find((i) => i.call?.callId === 'ghost')?.authorId).toBeNull();
    expect(ana.pops.filter((p) => p.callId === 'dup')).toHaveLength(1);
    expect(ana.calls.filter((s) => s === 'answered')).toHaveLength(1);
  });

  it('accepts signed call events from a cloud PBX webhook and refuses unsigned ones', async () => {
    const ana = await agent('ana', '2001');
    const event = { callId: 'wh-1', linkedId: 'wh-1', state: 'ringing', ani: '+5511987654321', dnis: '08007771234', queue: 'vendas', extension: '2001', ivr: {}, at: clock.now().toISOString() };
    const body = JSON.stringify([event]);
    const unsigned = await fetch(`${server.url}/cti/events`, { method: 'POST', body });
    expect(unsigned.status).toBe(401);
    const bad = JSON.stringify([{ ...event, state: 'exploded' }]);
    expect((await fetch(`${server.url}/cti/events`, { method: 'POST', body: bad, headers: { 'X-Atende-Signature': signBody(CTI_SECRET, bad) } })).status).toBe(400);
    const ok = await fetch(`${server.url}/cti/events`, { method: 'POST', body, headers: { 'X-Atende-Signature': signBody(CTI_SECRET, body) } });
    expect(await ok.json()).toEqual({ ok: true, accepted: 1 });
    await ana.until(() => ana.pops.length === 1);
    expect(ana.pops[0]).toMatchObject({ callId: 'wh-1', queue: 'vendas', matches: [] });
  });
});
