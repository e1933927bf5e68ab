import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signBody } from '../../main/cti/webhook/webhook-signature';
import { ManualClock } from '../../main/domain/shared/clock';
import { startHttpServer, type RunningServer } from '../../main/server/http/http-server';
import { silentLogger } from '../../main/server/logger';
import { startFakeConnector, type FakeConnector } from './helpers/fake-connector';
import { createTestCore, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

const SECRET = 'test-channel-secret-0123456789';
let t: TestCore;
let server: RunningServer;
let clock: ManualClock;
let connector: FakeConnector;
/** What the connector received: agent replies and survey invitations. */
const delivered = () => connector.delivered.map((d) => (JSON.parse(d.body) as { message: { text: string; ticketNumber: number } }).message);
const invitations = () => delivered().filter((m) => m.text.includes('/surveys/'));

beforeEach(async () => {
  connector = await startFakeConnector();
  clock = new ManualClock('2026-11-20T13:00:00.000Z');
  t = await createTestCore({ clock, config: { channelSecret: SECRET, connectorUrl: connector.url } });
  server = await startHttpServer({ core: t.core, host: '127.0.0.1', port: 0, rendererDir: t.dir, log: silentLogger });
});
afterEach(async () => {
  await server.close();
  await t.close();
  await connector.close();
});

let seq = 0;
async function whatsapp(text: string, externalId = `wamid.${++seq}`) {
  clock.advance(1000);
  const body = JSON.stringify({
    channel: 'whatsapp',
    conversationId: 'wa-5511987654321',
    externalId,
    sender: { name: 'Conceição', phone: '+55 (11) 98765-4321' },
    text,
    sentAt: clock.now().toISOString(),
  });
  const res = await fetch(`${server.url}/channels/inbound`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Atende-Signature': signBody(SECRET, body) }, body });
  expect(res.status).toBe(200);
  return (await res.json()) as { ticketId: string; ticketNumber: number; duplicate: boolean; created: boolean; surveyAnswered?: { kind: string; score: number } };
}

/** A WhatsApp ticket, solved by Ana: the solve sends CSAT and NPS invitations through the connector. */
async function solvedWhatsappTicket() {
  const floor = await workspaceFloor(t, clock);
  await floor.admin.surveys.saveSettings({ publicUrl: 'https://pesquisa.exemplo.com.br' });
  const first = await whatsapp('Meu pedido não chegou');
  const ticket = await floor.ana.tickets.get({ id: first.ticketId });
  const taken = await floor.ana.tickets.take({ id: ticket.id, version: ticket.version });
  clock.advance(60_000);
  await floor.ana.tickets.addMessage({ id: taken.id, version: taken.version, kind: 'reply', body: 'Reenviamos o pedido.', setStatus: 'solved' });
  await expect.poll(() => invitations().length).toBe(1);
  clock.advance(60_000);
  return { floor, ticketId: first.ticketId };
}

const surveysOf = (ticketId: string) => t.core.services.store.surveys.byIndex('ticket', ticketId);
const statusOf = (ticketId: string) => t.core.services.store.tickets.get(ticketId)?.status;

describe('survey answers typed into the conversation', () => {
  it('a score reply answers CSAT, then NPS; the ticket stays solved and the messages stay in its timeline', async () => {
    const { floor, ticketId } = await solvedWhatsappTicket();
    expect(invitations()[0]?.text).toMatch(/Responda a esta mensagem com uma nota de 1 \(muito ruim\) a 5 \(excelente\), ou pelo link: https:\/\/pesquisa\.exemplo\.com\.br\/surveys\/[A-Za-z0-9_-]{32}/);
    expect(surveysOf(ticketId).map((s) => s.kind).sort()).toEqual(['csat', 'nps']);

    const csat = await whatsapp('Nota 4 - resolveram rápido');
    expect(csat).toMatchObject({ ticketId, created: false, surveyAnswered: { kind: 'csat', score: 4 } });
    expect(statusOf(ticketId)).toBe('solved');
    expect(surveysOf(ticketId).find((s) => s.kind === 'csat')).toMatchObject({ score: 4, comment: 'resolveram rápido' });
    expect(surveysOf(ticketId).find((s) => s.kind === 'nps')?.answeredAt).toBeNull();

    const nps = await whatsapp('9');
    expect(nps.surveyAnswered).toEqual({ surveyId: expect.any(String), kind: 'nps', score: 9 });
    expect(surveysOf(ticketId).find((s) => s.kind === 'nps')).toMatchObject({ score: 9, comment: null });
    expect(statusOf(ticketId)).toBe('solved');

    // The same message delivered twice changes nothing.
    const again = await whatsapp('9', `wamid.${seq}`);
    expect(again.duplicate).toBe(true);

    // Both answers show on the ticket and in the KPIs; the messages are in the timeline.
    const view = await floor.sup.surveys.forTicket({ ticketId });
    expect(view.surveys.map((s) => [s.kind, s.score])).toEqual(expect.arrayContaining([['csat', 4], ['nps', 9]]));
    const day = { from: '2026-11-20', to: '2026-11-21' };
    expect((await floor.sup.metrics.summary(day)).csat).toMatchObject({ answers: 1, score: 100 });
    const history = await floor.ana.tickets.timeline({ id: ticketId });
    const inbound = history.filter((i) => i.kind === 'message' && i.direction === 'inbound').map((i) => i.body);
    expect(inbound).toEqual(['Meu pedido não chegou', 'Nota 4 - resolveram rápido', '9']);

    // Once nothing is open, a score is an ordinary message: the customer wrote again, the ticket reopens.
    await whatsapp('5');
    expect(statusOf(ticketId)).toBe('open');
  });

  it('a low score opens the supervisors\' follow-up task; a sentence starting with a number is a message', async () => {
    const { floor, ticketId } = await solvedWhatsappTicket();
    const tasksBefore = t.core.services.store.tasks.size();

    const time = await whatsapp('10:30 posso ligar?');
    expect(time.surveyAnswered).toBeUndefined();
    expect(statusOf(ticketId)).toBe('open');
    expect(surveysOf(ticketId).every((s) => s.answeredAt === null)).toBe(true);

    // Solved again: no new survey within the cadence, the first ones are still open.
    const tk = await floor.ana.tickets.get({ id: ticketId });
    await floor.ana.tickets.addMessage({ id: tk.id, version: tk.version, kind: 'reply', body: 'Pode sim, às 10:30.', setStatus: 'solved' });
    const sentence = await whatsapp('2 boletos ainda não chegaram');
    expect(sentence.surveyAnswered).toBeUndefined();
    expect(statusOf(ticketId)).toBe('open');

    const tk2 = await floor.ana.tickets.get({ id: ticketId });
    await floor.ana.tickets.addMessage({ id: tk2.id, version: tk2.version, kind: 'reply', body: 'Boletos reenviados.', setStatus: 'solved' });
    const low = await whatsapp('1, o problema continua');
    expect(low.surveyAnswered).toMatchObject({ kind: 'csat', score: 1 });
    expect(statusOf(ticketId)).toBe('solved');
    expect(t.core.services.store.tasks.size()).toBe(tasksBefore + 1);
    const task = [...t.core.services.store.tasks.values()].find((x) => x.kind === 'survey_followup');
    expect(task).toMatchObject({ ticketId, assigneeRole: 'supervisor' });
    // The newest open CSAT (the second solve sent another) took the answer.
    const csats = surveysOf(ticketId).filter((s) => s.kind === 'csat').sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    expect(csats[0]).toMatchObject({ score: 1, comment: 'o problema continua' });
  });

  it('an expired survey is not answered by a reply: the ticket reopens as for any message', async () => {
    const { ticketId } = await solvedWhatsappTicket();
    const expiry = surveysOf(ticketId)[0]?.expiresAt as string;
    clock.set(new Date(Date.parse(expiry) + 60_000));
    const late = await whatsapp('5');
    expect(late.surveyAnswered).toBeUndefined();
    expect(surveysOf(ticketId).every((s) => s.answeredAt === null)).toBe(true);
  });
});
