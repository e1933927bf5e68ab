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

describe('customer 360', () => {
  it('shows profile with a masked CPF, open tickets, every interaction newest first, surveys and orders', async () => {
    const { admin, ana, customer, ticket } = await workspaceFloor(t, clock);
    const first = await ticket(admin, 'Boleto', { teamId: 'team_geral' });
    clock.advance(60_000);
    const second = await ticket(admin, 'Entrega', { teamId: 'team_geral', channel: 'whatsapp' });
    clock.advance(60_000);
    const taken = await ana.tickets.take({ id: first.id, version: first.version });
    await ana.tickets.addMessage({ id: taken.id, version: taken.version, kind: 'reply', body: 'Segue a segunda via.', setStatus: 'solved' });
    const now = clock.now().toISOString();
    await t.core.services.store.write((tx) => {
      tx.put('orders', { id: 'ord_1', createdAt: now, updatedAt: now, version: 0, customerId: customer.id, externalId: 'PED-1001', placedAt: now, status: 'entregue', total: 123456, currency: 'BRL', items: [{ sku: 'A1', name: 'Fone', quantity: 1, unitPrice: 123456 }] });
      tx.put('surveys', { id: 'srv_1', createdAt: now, updatedAt: now, version: 0, kind: 'csat', ticketId: first.id, customerId: customer.id, agentId: null, tokenHash: 'x', sentAt: now, expiresAt: now, answeredAt: now, score: 4, comment: 'Bom' });
    });

    const view = await ana.customers.view360({ id: customer.id });
    expect(view.customer).toMatchObject({ name: 'Conceição Araújo', cpfMasked: '***.982.247-**', hasCpf: true, phones: ['+5511987654321'] });
    expect(view.customer).not.toHaveProperty('cpf');
    expect(JSON.stringify(view)).not.toContain('52998224725');
    expect(view.openTickets.map((x) => x.id)).toEqual([second.id]);
    expect(view.timeline.map((e) => [e.ticketNumber, e.direction, e.body])).toEqual([
      [first.number, 'outbound', 'Segue a segunda via.'],
      [second.number, 'inbound', 'Entrega: detalhes'],
      [first.number, 'inbound', 'Boleto: detalhes'],
    ]);
    expect(view.lastContact?.body).toBe('Segue a segunda via.');
    expect(view.orders.map((o) => o.externalId)).toEqual(['PED-1001']);
    // The solve also sent its own (unanswered) survey: only the answered one has a score.
    expect(view.surveys.filter((s) => s.score !== null).map((s) => s.score)).toEqual([4]);
    expect(view.stats).toMatchObject({ tickets: 2, openTickets: 1, csatAverage: 4, csatAnswers: 1 });
  });

  it('reveals the CPF only through an audited call, and edits the profile with a version check', async () => {
    const { admin, ana, customer } = await workspaceFloor(t, clock);
    expect(await ana.customers.revealCpf({ id: customer.id })).toEqual({ cpf: '52998224725' });
    const audit = await admin.audit.list({ entity: 'customer', entityId: customer.id });
    expect(audit.map((a) => a.action)).toContain('customer.reveal_cpf');
    const updated = await ana.customers.update({ id: customer.id, version: customer.version, patch: { phones: ['11 3333-4444', '+55 11 98765-4321'], tags: ['vip'] } });
    expect(updated).toMatchObject({ phones: ['+551133334444', '+5511987654321'], tags: ['vip'] });
    await expect(ana.customers.update({ id: customer.id, version: customer.version, patch: { name: 'Outro' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(ana.customers.update({ id: customer.id, version: updated.version, patch: { cpf: '123.456.789-00' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Without DDD, and a mobile typed without its 9th digit, still find the customer.
    for (const typed of ['3333-4444', '8765-4321', '(11) 8765-4321']) {
      expect((await ana.customers.search({ text: typed })).map((c) => c.id), typed).toEqual([customer.id]);
    }
    expect(await ana.customers.search({ text: '(21) 8765-4321' })).toEqual([]);
  });

  it('merges a duplicate: history moves to the survivor, lookups find only the survivor', async () => {
    const { admin, ana, sup, customer, ticket } = await workspaceFloor(t, clock);
    const dup = await admin.customers.create({ name: 'Conceicao A.', phones: ['21 99999-8888'], emails: ['cida@exemplo.com'] });
    const dupTicket = await admin.tickets.create({ subject: 'Pelo outro número', channel: 'whatsapp', requesterId: dup.id, body: 'oi', teamId: 'team_geral' });
    await ticket(admin, 'Original', { teamId: 'team_geral' });
    await expect(ana.customers.merge({ sourceId: dup.id, targetId: customer.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const merged = await sup.customers.merge({ sourceId: dup.id, targetId: customer.id });
    expect(merged.phones).toEqual(['+5511987654321', '+5521999998888']);
    expect(merged.emails).toEqual(['conceicao@exemplo.com.br', 'cida@exemplo.com']);
    expect(t.core.services.store.tickets.get(dupTicket.id)?.requesterId).toBe(customer.id);
    expect((await ana.customers.search({ text: '21 99999-8888' })).map((c) => c.id)).toEqual([customer.id]);
    const view = await ana.customers.view360({ id: customer.id });
    expect(view.stats.tickets).toBe(2);
    expect(view.timeline.some((e) => e.body === 'oi')).toBe(true);
    expect(t.core.services.store.customers.get(dup.id)?.mergedInto).toBe(customer.id);
  });
});
