import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/domain/shared/clock';
import { startHttpServer, type RunningServer } from '../../main/server/http/http-server';
import { silentLogger } from '../../main/server/logger';
import { startFakeConnector, type FakeConnector } from './helpers/fake-connector';
import { createTestCore, type TestCore } from './helpers/test-core';

const SECRET = 'survey-invite-secret-0123456789';
let t: TestCore;
let server: RunningServer;
let connector: FakeConnector;
/** The messages the connector received (agent replies and invitations). */
const delivered = () => connector.delivered.map((d) => (JSON.parse(d.body) as { message: { text: string; ticketNumber: number; channel: string; conversationId: string } }).message);

beforeEach(async () => {
  connector = await startFakeConnector();
  t = await createTestCore({ clock: new ManualClock('2026-11-20T13:00:00.000Z'), config: { channelSecret: SECRET, connectorUrl: connector.url } });
  server = await startHttpServer({ core: t.core, host: '127.0.0.1', port: 0, rendererDir: t.dir, log: silentLogger });
});
afterEach(async () => {
  await server.close();
  await t.close();
  await connector.close();
});

describe('survey invitations', () => {
  it('send the CSAT and NPS links in one message through the ticket\'s channel, and the link answers the survey', async () => {
    const { services } = t.core;
    await services.surveys.saveSettings({ publicUrl: server.url }, { id: null, name: 'test' });
    const received = await services.intake.receive({ channel: 'whatsapp', externalId: 'w-1', conversationId: 'conv-9', sender: { name: 'Joana Prado', phone: '+5511977776666' }, text: 'Meu pedido chegou, obrigada!', sentAt: '2026-11-20T13:00:00.000Z' });
    if (!received.ok) throw new Error(received.reason);
    const created = await services.surveys.createForTicket(received.ticketId, { id: null, name: 'test' });
    expect(created.ok && created.created.map((c) => c.survey.kind)).toEqual(['csat', 'nps']);
    await expect.poll(() => delivered().filter((d) => d.text.includes('/surveys/')).length).toBe(1);
    const invite = delivered().find((d) => d.text.includes('/surveys/'))!;
    expect(invite).toMatchObject({ channel: 'whatsapp', conversationId: 'conv-9', ticketNumber: received.ticketNumber });
    expect(invite.text).toMatch(/^Olá, Joana!/);
    const links = [...invite.text.matchAll(/(http:\/\/\S+\/surveys\/[A-Za-z0-9_-]{32})/g)].map((m) => m[1] as string);
    expect(links).toHaveLength(2);
    const answer = await fetch(links[0] as string, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'score=5' });
    expect(answer.status).toBe(200);
  });

  it('are not sent without a public survey address', async () => {
    const { services } = t.core;
    const received = await services.intake.receive({ channel: 'whatsapp', externalId: 'w-2', conversationId: 'conv-10', sender: { name: 'Joana Prado', phone: '+5511977776666' }, text: 'Oi', sentAt: '2026-11-20T13:00:00.000Z' });
    if (!received.ok) throw new Error(received.reason);
    await services.surveys.createForTicket(received.ticketId, { id: null, name: 'test' });
    await new Promise((r) => setTimeout(r, 100));
    expect(delivered().filter((d) => d.text.includes('/surveys/'))).toEqual([]);
  });
});
