import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/domain/shared/clock';
import { startHttpServer, type RunningServer } from '../../main/server/http/http-server';
import { silentLogger } from '../../main/server/logger';
import { createTestCore, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

let t: TestCore;
let clock: ManualClock;
let server: RunningServer;
/** Plain tokens of the surveys created, by kind, as the invitation would get them. */
let tokens: { kind: string; token: string; ticketId: string | null }[];
beforeEach(async () => {
  clock = new ManualClock('2026-11-20T13:00:00.000Z');
  t = await createTestCore({ clock });
  server = await startHttpServer({ core: t.core, host: '127.0.0.1', port: 0, rendererDir: t.dir, log: silentLogger });
  tokens = [];
  t.core.services.bus.on('surveyCreated', (e) => tokens.push({ kind: e.kind, token: e.token, ticketId: e.ticketId }));
});
afterEach(async () => {
  await server.close();
  await t.close();
});

const post = (token: string, body: unknown) =>
  fetch(`${server.url}/surveys/${token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A ticket of the floor's customer, taken and solved by Ana with a reply. */
async function solvedTicket(floor: Awaited<ReturnType<typeof workspaceFloor>>, subject = 'Cobrança em duplicidade') {
  const tk = await floor.ticket(floor.ana, subject, { teamId: 'team_geral' });
  const taken = await floor.ana.tickets.take({ id: tk.id, version: tk.version });
  return floor.ana.tickets.addMessage({ id: taken.id, version: taken.version, kind: 'reply', body: 'Resolvido, estorno feito.', setStatus: 'solved' });
}

const tokenOf = async (kind: 'csat' | 'nps', ticketId: string) => {
  await expect.poll(() => tokens.some((x) => x.kind === kind && x.ticketId === ticketId)).toBe(true);
  return tokens.find((x) => x.kind === kind && x.ticketId === ticketId)?.token as string;
};

describe('surveys', () => {
  it('are created on solve (CSAT, and NPS within the cadence), with only the token hash stored', async () => {
    const floor = await workspaceFloor(t, clock);
    const first = await solvedTicket(floor);
    const csat = await tokenOf('csat', first.id);
    await tokenOf('nps', first.id);
    expect(csat).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const stored = JSON.stringify([...t.core.services.store.surveys.values()]);
    expect(stored).not.toContain(csat);
    clock.advance(6 * 3_600_000);
    const second = await solvedTicket(floor, 'Boleto não chegou');
    await tokenOf('csat', second.id);
    // NPS at most once per 90 days per customer.
    expect(tokens.filter((x) => x.kind === 'nps')).toHaveLength(1);
    const view = await floor.ana.surveys.forTicket({ ticketId: second.id });
    expect(view.surveys.map((s) => s.kind)).toEqual(['csat']);
    expect(view.surveys[0]).not.toHaveProperty('tokenHash');
  });

  it('respects the customer\'s consent', async () => {
    const floor = await workspaceFloor(t, clock);
    const c = t.core.services.store.customers.get(floor.customer.id)!;
    await t.core.services.store.write((tx) => tx.put('customers', { ...c, consent: { ...c.consent, surveys: false } }));
    const tk = await solvedTicket(floor);
    await new Promise((r) => setTimeout(r, 50));
    expect(t.core.services.store.surveys.byIndex('ticket', tk.id)).toEqual([]);
  });

  it('takes an answer once through POST /surveys/:token, refuses bad scores, unknown tokens and expired surveys', async () => {
    const floor = await workspaceFloor(t, clock);
    const tk = await solvedTicket(floor);
    const csat = await tokenOf('csat', tk.id);
    const nps = await tokenOf('nps', tk.id);
    expect((await post(csat, { score: 6 })).status).toBe(400);
    expect((await post(csat, { score: 'cinco' })).status).toBe(400);
    expect((await post('A'.repeat(32), { score: 4 })).status).toBe(404);
    expect((await post('não-é-token', { score: 4 })).status).toBe(404);
    const ok = await post(csat, { score: 5, comment: '  Muito bom!  ' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true, kind: 'csat', score: 5 });
    expect((await post(csat, { score: 1 })).status).toBe(409);
    const answered = (await floor.ana.surveys.forTicket({ ticketId: tk.id })).surveys.find((s) => s.kind === 'csat');
    expect(answered).toMatchObject({ score: 5, comment: 'Muito bom!', answeredAt: '2026-11-20T13:00:00.000Z' });
    clock.advance(8 * 86_400_000);
    expect((await post(nps, { score: 9 })).status).toBe(410);
    expect((await fetch(`${server.url}/surveys/${nps}`)).status).toBe(410);
  });

  it('serves an accessible, script-free pt-BR form that also works as a plain form post', async () => {
    const floor = await workspaceFloor(t, clock);
    const tk = await solvedTicket(floor);
    const csat = await tokenOf('csat', tk.id);
    const page = await fetch(`${server.url}/surveys/${csat}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain(`Sobre o atendimento #${tk.number}`);
    expect(html).not.toMatch(/<script/i);
    expect(html.match(/type="radio" name="score"/g)).toHaveLength(5);
    const form = await fetch(`${server.url}/surveys/${csat}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'score=4&comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E' });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Obrigado pela sua resposta!');
    const again = await fetch(`${server.url}/surveys/${csat}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'score=4' });
    expect(again.status).toBe(409);
    const stored = t.core.services.store.surveys.byIndex('ticket', tk.id).find((s) => s.kind === 'csat');
    expect(stored?.comment).toBe('<script>alert(1)</script>');
    expect((await fetch(`${server.url}/surveys/${'B'.repeat(32)}`)).status).toBe(404);
  });

  it('moves CSAT in the KPIs, and a low score opens a follow-up task for the supervisor', async () => {
    const floor = await workspaceFloor(t, clock);
    const period = { from: '2026-11-01', to: '2026-12-01' };
    expect((await floor.sup.metrics.summary(period)).values.csat).toBeNull();
    const good = await solvedTicket(floor);
    expect((await post(await tokenOf('csat', good.id), { score: 5 })).status).toBe(200);
    expect((await floor.sup.metrics.summary(period)).values.csat).toBe(100);
    const bad = await solvedTicket(floor, 'Pedido não entregue');
    const res = await post(await tokenOf('csat', bad.id), { score: 2, comment: 'Demorou demais.' });
    expect(res.status).toBe(200);
    expect((await floor.sup.metrics.summary(period)).values.csat).toBe(50);
    const tasks = await floor.sup.surveys.followUps();
    expect(tasks.map((x) => [x.ticketId, x.survey?.score, x.assigneeRole])).toEqual([[bad.id, 2, 'supervisor']]);
    expect(tasks[0]?.title).toContain(`CSAT 2 — #${bad.number}`);
    await expect(floor.ana.surveys.followUps()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const done = await floor.sup.surveys.completeFollowUp({ id: tasks[0]!.id, version: tasks[0]!.version, resolution: 'Liguei para a cliente e reenviei o pedido.' });
    expect(done).toMatchObject({ status: 'done', resolution: 'Liguei para a cliente e reenviei o pedido.' });
    expect(await floor.sup.surveys.followUps()).toEqual([]);
    expect((await floor.ana.surveys.forTicket({ ticketId: bad.id })).tasks.map((x) => x.status)).toEqual(['done']);
  });

  it('reissues a link for an unanswered survey, invalidating the old one', async () => {
    const floor = await workspaceFloor(t, clock);
    const tk = await solvedTicket(floor);
    const old = await tokenOf('csat', tk.id);
    const survey = (await floor.sup.surveys.forTicket({ ticketId: tk.id })).surveys.find((s) => s.kind === 'csat');
    const { url } = await floor.sup.surveys.reissueLink({ surveyId: survey!.id });
    const fresh = url.split('/surveys/')[1] as string;
    expect((await post(old, { score: 4 })).status).toBe(404);
    expect((await post(fresh, { score: 4 })).status).toBe(200);
  });
});
