import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/domain/shared/clock';
import { ADMIN_PASSWORD, createTestCore, type TestCore } from './helpers/test-core';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock('2026-11-19T13:00:00.000Z');
  t = await createTestCore({ clock });
});
afterEach(async () => t.close());

async function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'OK',
    (err: unknown) => (err instanceof TRPCError ? err.code : String(err)),
  );
}

async function floor() {
  const { caller: admin } = await t.login('admin', ADMIN_PASSWORD);
  const n2 = await t.core.services.store.write((tx) =>
    tx.put('teams', { id: 'team_n2', createdAt: clock.now().toISOString(), updatedAt: clock.now().toISOString(), version: 0, name: 'Suporte N2', tier: 2, description: '' }),
  );
  await admin.users.create({ username: 'ana', displayName: 'Ana', role: 'agent', password: 'senha-forte-1' });
  await admin.users.create({ username: 'bia', displayName: 'Bia', role: 'agent', password: 'senha-forte-2' });
  const ana = (await t.login('ana', 'senha-forte-1')).caller;
  const bia = (await t.login('bia', 'senha-forte-2')).caller;
  const customer = await admin.customers.create({ name: 'Carla Dias', phones: ['11987654321'] });
  const ticket = await admin.tickets.create({ subject: 'Cobrança em dobro', channel: 'email', requesterId: customer.id, body: 'Fui cobrada duas vezes.' });
  return { admin, ana, bia, ticket, n2 };
}

describe('ticket workflow', () => {
  it('lets only one of two agents take the same ticket', async () => {
    const { ana, bia, ticket } = await floor();
    const [a, b] = await Promise.allSettled([ana.tickets.take({ id: ticket.id, version: ticket.version }), bia.tickets.take({ id: ticket.id, version: ticket.version })]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const loser = (a.status === 'rejected' ? a : b) as PromiseRejectedResult;
    expect((loser.reason as TRPCError).code).toBe('CONFLICT');
    const stored = t.core.services.store.tickets.get(ticket.id);
    expect(stored?.status).toBe('open');
  });

  it('detects a concurrent edit by version and explains it', async () => {
    const { ana, bia, ticket } = await floor();
    await ana.tickets.update({ id: ticket.id, version: ticket.version, patch: { priority: 'high' } });
    const err = await bia.tickets.update({ id: ticket.id, version: ticket.version, patch: { priority: 'low' } }).catch((e: TRPCError) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe('CONFLICT');
    expect((err as TRPCError).message).toBe('errors.version_conflict');
    expect(t.core.services.store.tickets.get(ticket.id)?.priority).toBe('high');
  });

  it('replies, pauses the SLA clock while pending, solves, reopens and records everything in order', async () => {
    const { ana, ticket } = await floor();
    let cur = await ana.tickets.take({ id: ticket.id, version: ticket.version });
    clock.advance(60_000);
    cur = await ana.tickets.addMessage({ id: cur.id, version: cur.version, kind: 'reply', body: 'Vamos verificar.', setStatus: 'pending' });
    expect(cur.sla.firstResponseAt).toBe('2026-11-19T13:01:00.000Z');
    clock.advance(3_600_000);
    cur = await ana.tickets.update({ id: cur.id, version: cur.version, patch: { status: 'open' } });
    expect(cur.sla.pausedSeconds).toBe(3600);
    clock.advance(1000);
    cur = await ana.tickets.addMessage({ id: cur.id, version: cur.version, kind: 'note', body: 'Estorno pedido ao financeiro' });
    clock.advance(1000);
    cur = await ana.tickets.update({ id: cur.id, version: cur.version, patch: { status: 'solved' } });
    expect(cur.solvedAt).not.toBeNull();
    clock.advance(1000);
    cur = await ana.tickets.update({ id: cur.id, version: cur.version, patch: { status: 'open' } });
    expect(cur).toMatchObject({ reopenCount: 1, solvedAt: null });
    expect(await codeOf(ana.tickets.update({ id: cur.id, version: cur.version, patch: { status: 'new' } }))).toBe('BAD_REQUEST');

    const timeline = await ana.tickets.timeline({ id: ticket.id });
    expect(timeline.map((i) => (i.kind === 'event' ? `${i.event?.type}:${i.event?.to}` : `${i.kind}:${i.direction}`))).toEqual([
      'message:inbound',
      'status:open',
      'assigneeId:' + cur.assigneeId,
      'message:outbound',
      'status:pending',
      'status:open',
      'note:internal',
      'status:solved',
      'status:open',
    ]);
    const audit = await (await t.login('admin', ADMIN_PASSWORD)).caller.audit.list({ entity: 'ticket', entityId: ticket.id });
    // The solve also sent the customer a CSAT survey (surveys on solve).
    expect(audit.map((a) => a.action).sort()).toEqual(
      ['ticket.create', 'ticket.take', 'ticket.reply', 'ticket.update', 'ticket.note', 'ticket.update', 'ticket.update', 'survey.create'].sort(),
    );
  });

  it('escalates only with a reason, recorded on the timeline and the audit', async () => {
    const { ana, ticket, n2 } = await floor();
    expect(await codeOf(ana.tickets.escalate({ id: ticket.id, version: ticket.version, teamId: n2.id, reason: ' ' }))).toBe('BAD_REQUEST');
    const escalated = await ana.tickets.escalate({ id: ticket.id, version: ticket.version, teamId: n2.id, reason: 'Precisa de acesso ao ERP' });
    expect(escalated).toMatchObject({ teamId: n2.id, tier: 2, assigneeId: null });
    const event = (await ana.tickets.timeline({ id: ticket.id })).find((i) => i.event?.type === 'escalated');
    expect(event?.body).toBe('Precisa de acesso ao ERP');
  });

  it('merges a duplicate into the original: the duplicate is closed and its messages show on the original', async () => {
    const { admin, ana, ticket } = await floor();
    clock.advance(60_000);
    const dup = await admin.tickets.create({ subject: 'Cobrança duplicada', channel: 'chat', requesterId: ticket.requesterId, body: 'De novo: cobrança dupla' });
    const merged = await ana.tickets.merge({ id: dup.id, version: dup.version, targetId: ticket.id });
    expect(merged).toMatchObject({ status: 'closed', mergedInto: ticket.id });
    const bodies = (await ana.tickets.timeline({ id: ticket.id })).filter((i) => i.kind === 'message').map((i) => i.body);
    expect(bodies).toEqual(['Fui cobrada duas vezes.', 'De novo: cobrança dupla']);
    expect((await ana.tickets.list({})).items.map((i) => i.id)).toEqual([ticket.id]);
  });
});
