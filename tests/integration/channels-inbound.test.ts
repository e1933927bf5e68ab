import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../main/cti/webhook/webhook-signature';
import { ManualClock } from '../../main/domain/shared/clock';
import { startHttpServer, type RunningServer } from '../../main/server/http/http-server';
import { silentLogger } from '../../main/server/logger';
import { startFakeConnector, type Delivery, type FakeConnector } from './helpers/fake-connector';
import { createTestCore, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

const SECRET = 'test-channel-secret-0123456789';
let t: TestCore;
let server: RunningServer;
let clock: ManualClock;
let connector: FakeConnector;
let delivered: Delivery[];

beforeEach(async () => {
  connector = await startFakeConnector();
  delivered = connector.delivered;
  clock = new ManualClock('2026-11-20T13:00:00.000Z');
  t = await createTestCore({ clock, config: { channelSecret: SECRET, connectorUrl: connector.url } });
  server = await startHttpServer({ core: t.core, host: '127.0.0.1', port: 0, rendererDir: t.dir, log: silentLogger });
});
afterEach(async () => {
  await server.close();
  await t.close();
  await connector.close();
});

function post(payload: unknown, opts: { secret?: string; raw?: string } = {}) {
  const body = opts.raw ?? JSON.stringify(payload);
  return fetch(`${server.url}/channels/inbound`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Atende-Signature': signBody(opts.secret ?? SECRET, body) },
    body,
  });
}

const message = (over: Record<string, unknown> = {}) => ({
  channel: 'whatsapp',
  conversationId: 'wa-5511987654321',
  externalId: 'wamid.1',
  sender: { name: 'Conceição', phone: '+55 (11) 98765-4321' },
  text: 'Meu pedido não chegou',
  sentAt: '2026-11-20T12:59:00.000Z',
  ...over,
});

describe('POST /channels/inbound', () => {
  it('refuses bad signatures (401) and bad payloads (400, with the reason) without storing anything', async () => {
    await workspaceFloor(t, clock);
    const before = { tickets: t.core.services.store.tickets.size(), interactions: t.core.services.store.interactions.size(), customers: t.core.services.store.customers.size() };
    expect((await post(message(), { secret: 'wrong-secret-wrong-secret' })).status).toBe(401);
    const bad = await post(message({ sender: { name: 'Sem contato' } }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, reason: 'invalid_message', detail: expect.stringContaining('sender') });
    expect((await post(null, { raw: '{not json' })).status).toBe(400);
    const wrongChannel = await post(message({ channel: 'fax' }));
    expect(await wrongChannel.json()).toMatchObject({ detail: expect.stringContaining('channel') });
    const after = { tickets: t.core.services.store.tickets.size(), interactions: t.core.services.store.interactions.size(), customers: t.core.services.store.customers.size() };
    expect(after).toEqual(before);
  });

  it('matches the customer by phone in another format, threads the conversation, and is idempotent', async () => {
    const { customer, sup } = await workspaceFloor(t, clock);
    const first = await (await post(message())).json();
    expect(first).toMatchObject({ ok: true, duplicate: false, created: true, customerId: customer.id });
    const again = await (await post(message())).json();
    expect(again).toMatchObject({ ok: true, duplicate: true, ticketId: first.ticketId });
    clock.advance(60_000);
    const second = await (await post(message({ externalId: 'wamid.2', text: 'Alguém pode me ajudar?' }))).json();
    expect(second).toMatchObject({ created: false, ticketId: first.ticketId });
    const timeline = await sup.tickets.timeline({ id: first.ticketId });
    expect(timeline.map((i) => i.body)).toEqual(['Meu pedido não chegou', 'Alguém pode me ajudar?']);
    const ticket = t.core.services.store.tickets.get(first.ticketId);
    expect(ticket).toMatchObject({ channel: 'whatsapp', status: 'new', subject: 'Meu pedido não chegou', requesterId: customer.id });
    const view = await sup.customers.view360({ id: customer.id });
    expect(view.openTickets.map((x) => x.id)).toEqual([first.ticketId]);
  });

  it('creates an unknown sender as a customer; a reply to a solved ticket reopens it; after close a follow-up ticket opens', async () => {
    const { admin } = await workspaceFloor(t, clock);
    const first = await (await post(message({ channel: 'chat', conversationId: 'chat-9', externalId: 'm1', sender: { name: 'Novo Cliente', email: 'Novo@Cliente.com' } }))).json();
    const created = t.core.services.store.customers.get(first.customerId);
    expect(created).toMatchObject({ name: 'Novo Cliente', emails: ['novo@cliente.com'] });
    const tk = t.core.services.store.tickets.get(first.ticketId);
    if (!tk) throw new Error('no ticket');
    const solved = await admin.tickets.update({ id: tk.id, version: tk.version, patch: { status: 'solved' } });
    clock.advance(60_000);
    await post(message({ channel: 'chat', conversationId: 'chat-9', externalId: 'm2', sender: { email: 'novo@cliente.com' } }));
    const reopened = t.core.services.store.tickets.get(tk.id);
    expect(reopened).toMatchObject({ status: 'open', reopenCount: 1 });
    await admin.tickets.update({ id: tk.id, version: reopened?.version ?? 0, patch: { status: 'solved' } });
    const again = t.core.services.store.tickets.get(tk.id);
    await admin.tickets.update({ id: tk.id, version: again?.version ?? 0, patch: { status: 'closed' } });
    const followUp = await (await post(message({ channel: 'chat', conversationId: 'chat-9', externalId: 'm3', sender: { email: 'novo@cliente.com' } }))).json();
    expect(followUp.created).toBe(true);
    expect(followUp.ticketId).not.toBe(tk.id);
    expect(followUp.customerId).toBe(first.customerId);
    expect(solved.status).toBe('solved');
  });

  it('sends agent replies out to the connector, signed, with the conversation to answer', async () => {
    const { ana } = await workspaceFloor(t, clock);
    const first = await (await post(message())).json();
    const tk = t.core.services.store.tickets.get(first.ticketId);
    if (!tk) throw new Error('no ticket');
    const taken = await ana.tickets.take({ id: tk.id, version: tk.version });
    await ana.tickets.addMessage({ id: taken.id, version: taken.version, kind: 'note', body: 'nota interna não sai' });
    const current = t.core.services.store.tickets.get(tk.id);
    await ana.tickets.addMessage({ id: tk.id, version: current?.version ?? 0, kind: 'reply', body: 'Seu pedido sai hoje!' });
    const deadline = Date.now() + 5000;
    while (delivered.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(delivered).toHaveLength(1);
    const [d] = delivered;
    expect(verifySignature(SECRET, d?.body ?? '', d?.signature ?? '')).toBe(true);
    expect(JSON.parse(d?.body ?? '{}')).toMatchObject({
      type: 'agent_reply',
      message: { channel: 'whatsapp', conversationId: 'wa-5511987654321', text: 'Seu pedido sai hoje!', to: { phone: '+5511987654321' }, ticketNumber: tk.number },
    });
  });
});
