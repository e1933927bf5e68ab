import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/domain/shared/clock';
import { createTestCore, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock('2026-11-20T13:00:00.000Z');
  t = await createTestCore({ clock });
});
afterEach(async () => t.close());

/** Solved history: three topics, the replies that solved them. */
const HISTORY = [
  { subject: 'Cobrança em duplicidade na fatura', body: 'Fui cobrado duas vezes no cartão este mês', reply: 'O valor duplicado foi estornado e aparece em até duas faturas.' },
  { subject: 'Cobrado duas vezes', body: 'A fatura veio com a mesma compra em duplicidade', reply: 'O valor duplicado foi estornado e aparece em até duas faturas.' },
  { subject: 'Pedido não entregue', body: 'Meu pedido não chegou e o rastreio não atualiza', reply: 'A transportadora reagendou a entrega para amanhã; segue o código de rastreio.' },
  { subject: 'Atraso na entrega', body: 'O prazo de entrega passou e o pedido não chegou', reply: 'A transportadora reagendou a entrega para amanhã; segue o código de rastreio.' },
  { subject: 'Aplicativo fecha sozinho', body: 'O app fecha quando abro a tela de faturas', reply: 'Atualize o aplicativo para a versão 4.3, que corrige o fechamento.' },
];

describe('suggested replies', () => {
  it('offers the replies that solved the most similar tickets first, then matching macros', async () => {
    const floor = await workspaceFloor(t, clock);
    await floor.admin.macros.create({ name: 'Estorno solicitado', body: 'Olá, {{customer.first_name}}! Solicitei o estorno da cobrança em duplicidade.' });
    await floor.admin.macros.create({ name: 'Saudação', body: 'Bom dia! Como posso ajudar?' });
    for (const h of HISTORY) {
      const tk = await floor.ticket(floor.ana, h.subject, { body: h.body, teamId: 'team_geral' });
      const taken = await floor.ana.tickets.take({ id: tk.id, version: tk.version });
      await floor.ana.tickets.addMessage({ id: taken.id, version: taken.version, kind: 'reply', body: h.reply, setStatus: 'solved' });
    }
    const open = await floor.ticket(floor.bia, 'Cobrança duplicada no cartão', { body: 'Vi duas cobranças iguais na minha fatura', teamId: 'team_geral' });
    const suggestions = await floor.bia.assist.replySuggestions({ ticketId: open.id });
    expect(suggestions[0]).toMatchObject({ kind: 'reply', text: 'O valor duplicado foi estornado e aparece em até duas faturas.' });
    expect(suggestions[0]?.sources).toHaveLength(2);
    const macro = suggestions.find((s) => s.kind === 'macro');
    expect(macro).toMatchObject({ macroName: 'Estorno solicitado', text: 'Olá, Conceição! Solicitei o estorno da cobrança em duplicidade.' });
    expect(suggestions.some((s) => s.macroName === 'Saudação')).toBe(false);
    expect(suggestions.map((s) => s.text)).not.toContain('Atualize o aplicativo para a versão 4.3, que corrige o fechamento.');

    // The index follows new solves.
    const late = await floor.ticket(floor.bia, 'Entrega atrasada', { body: 'Meu pedido está atrasado e não chegou', teamId: 'team_geral' });
    expect((await floor.bia.assist.replySuggestions({ ticketId: late.id }))[0]?.text).toContain('transportadora reagendou');
  });
});

describe('sentiment', () => {
  it('scores inbound customer messages at intake and flags strongly negative ones', async () => {
    await workspaceFloor(t, clock);
    const { intake, sentiment } = t.core.services;
    const send = (id: string, text: string) => intake.receive({ channel: 'whatsapp', externalId: id, conversationId: 'conv-1', sender: { name: 'Maria', phone: '+5511988887777' }, text, sentAt: clock.now().toISOString() });
    const first = await send('m1', 'Olá, qual o prazo de entrega do pedido 4471?');
    await sentiment.idle;
    const { caller } = await t.login('ana', 'senha-ana-123');
    let view = await caller.assist.sentiment({ ticketId: first.ok ? first.ticketId : '' });
    expect(view.latest?.sentiment.label).toBe('neutral');
    clock.advance(60_000);
    await send('m2', 'Péssimo atendimento, ninguém resolve nada, vou no Procon!!');
    await sentiment.idle;
    view = await caller.assist.sentiment({ ticketId: first.ok ? first.ticketId : '' });
    expect(view.messages.map((m) => m.sentiment.label)).toEqual(['neutral', 'negative']);
    expect(view.stronglyNegative).toBe(true);
    const timeline = await caller.tickets.timeline({ id: first.ok ? first.ticketId : '' });
    expect(timeline.filter((i) => i.direction === 'inbound').map((i) => i.sentiment?.label)).toEqual(['neutral', 'negative']);
  });
});

describe('sentiment in automation', () => {
  it('lets a strongly negative customer message drive a rule (raise priority)', async () => {
    const { admin } = await workspaceFloor(t, clock);
    const saved = await t.core.services.automation.save(
      {
        name: 'Cliente muito insatisfeito → prioridade alta',
        trigger: 'customer_replied',
        conditions: { match: 'all', items: [{ field: 'sentiment_score', op: 'lt', value: -0.6 }] },
        actions: [{ type: 'set_field', field: 'priority', value: 'high' }, { type: 'add_tag', tag: 'sentimento-negativo' }],
      },
      { id: null, name: 'test' },
    );
    expect(saved.ok).toBe(true);
    const send = (conv: string, text: string) =>
      t.core.services.intake.receive({ channel: 'whatsapp', externalId: `${conv}-1`, conversationId: conv, sender: { name: 'Maria', phone: '+5511988887777' }, text, sentAt: clock.now().toISOString() });
    const calm = await send('calm', 'Qual o prazo de entrega do pedido 4471?');
    const angry = await send('angry', 'Péssimo atendimento, isso é um absurdo, vou no Procon!!');
    await t.core.services.sentiment.idle;
    await expect.poll(async () => (await admin.tickets.get({ id: angry.ok ? angry.ticketId : '' })).priority).toBe('high');
    expect((await admin.tickets.get({ id: angry.ok ? angry.ticketId : '' })).tags).toContain('sentimento-negativo');
    expect((await admin.tickets.get({ id: calm.ok ? calm.ticketId : '' })).priority).toBe('normal');
  });
});

