import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appRouter } from '../../main/server/router';
import { PROCEDURE_ROLES } from '../../main/server/procedure-roles';
import { ADMIN_PASSWORD, createTestCore, type TestCore } from './helpers/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await createTestCore();
});
afterEach(async () => t.close());

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (err) {
    return err instanceof TRPCError ? err.code : `not a TRPCError: ${String(err)}`;
  }
}

type AnyCaller = Record<string, unknown>;
function procedureAt(caller: AnyCaller, path: string): (input?: unknown) => Promise<unknown> {
  return path.split('.').reduce<unknown>((o, k) => (o as AnyCaller)[k], caller) as (input?: unknown) => Promise<unknown>;
}

describe('auth', () => {
  it('creates admin on first run and logs in with the configured password', async () => {
    const { caller } = await t.login('admin', ADMIN_PASSWORD);
    const me = await caller.auth.me();
    expect(me).toMatchObject({ username: 'admin', role: 'admin' });
    expect(me).not.toHaveProperty('passwordHash');
  });

  it('rejects a wrong password and an unknown user alike, and throttles repeated failures', async () => {
    expect(await codeOf(t.caller().auth.login({ username: 'admin', password: 'wrong' }))).toBe('UNAUTHORIZED');
    expect(await codeOf(t.caller().auth.login({ username: 'nobody', password: 'wrong' }))).toBe('UNAUTHORIZED');
    for (let i = 0; i < 4; i++) await codeOf(t.caller().auth.login({ username: 'admin', password: 'wrong' }));
    expect(await codeOf(t.caller().auth.login({ username: 'admin', password: ADMIN_PASSWORD }))).toBe('TOO_MANY_REQUESTS');
  });

  it('refuses every non-public procedure without a session, and after logout', async () => {
    for (const [path, role] of Object.entries(PROCEDURE_ROLES)) {
      if (role === 'public') continue;
      expect(await codeOf(procedureAt(t.caller() as unknown as AnyCaller, path)()), path).toBe('UNAUTHORIZED');
    }
    const { caller } = await t.login('admin', ADMIN_PASSWORD);
    await caller.auth.logout();
    expect(await codeOf(caller.auth.me())).toBe('UNAUTHORIZED');
  });

  it('stores only a hash of the token, and sessions survive a restart', async () => {
    const { token } = await t.login('admin', ADMIN_PASSWORD);
    const stored = [...t.core.services.store.sessions.values()];
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    const dir = t.dir;
    await t.core.close();
    const again = await createTestCore({ dir });
    expect((await again.caller(token).auth.me()).username).toBe('admin');
    await again.close();
    t = await createTestCore();
  });
});

describe('roles', () => {
  it('declares a role for every procedure of the router, and nothing else', () => {
    const paths = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort();
    expect(paths).toEqual(Object.keys(PROCEDURE_ROLES).sort());
  });

  it('refuses supervisor and admin procedures to an agent, and admin ones to a supervisor', async () => {
    const { caller: admin } = await t.login('admin', ADMIN_PASSWORD);
    await admin.users.create({ username: 'ana', displayName: 'Ana Souza', role: 'agent', password: 'senha-forte-1' });
    await admin.users.create({ username: 'sup', displayName: 'Sérgio Lima', role: 'supervisor', password: 'senha-forte-2' });
    const { caller: agent } = await t.login('ana', 'senha-forte-1');
    const { caller: supervisor } = await t.login('sup', 'senha-forte-2');
    let checked = 0;
    for (const [path, role] of Object.entries(PROCEDURE_ROLES)) {
      if (role === 'supervisor' || role === 'admin') {
        expect(await codeOf(procedureAt(agent as unknown as AnyCaller, path)({})), `agent → ${path}`).toBe('FORBIDDEN');
        checked++;
      }
      if (role === 'admin') {
        expect(await codeOf(procedureAt(supervisor as unknown as AnyCaller, path)({})), `supervisor → ${path}`).toBe('FORBIDDEN');
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
    expect(await supervisor.users.list()).toHaveLength(3);
  });

  it('ends the sessions of a deactivated user at once', async () => {
    const { caller: admin } = await t.login('admin', ADMIN_PASSWORD);
    const ana = await admin.users.create({ username: 'ana', displayName: 'Ana', role: 'agent', password: 'senha-forte-1' });
    const { caller: agent } = await t.login('ana', 'senha-forte-1');
    await admin.users.update({ id: ana.id, version: ana.version, patch: { active: false } });
    expect(await codeOf(agent.auth.me())).toBe('UNAUTHORIZED');
    expect(await codeOf(t.caller().auth.login({ username: 'ana', password: 'senha-forte-1' }))).toBe('UNAUTHORIZED');
  });
});

describe('validation and domain errors', () => {
  it('gives BAD_REQUEST with field errors for bad input, and nothing is stored', async () => {
    const { caller } = await t.login('admin', ADMIN_PASSWORD);
    const before = t.core.services.store.customers.size();
    expect(await codeOf(caller.customers.create({ name: 'Maria', cpf: '123.456.789-00', phones: [] }))).toBe('BAD_REQUEST');
    expect(await codeOf(caller.customers.create({ name: 'Maria', phones: ['12345'] }))).toBe('BAD_REQUEST');
    expect(t.core.services.store.customers.size()).toBe(before);
  });

  it('normalizes phones and CPF, finds the customer by any format, and audits the creation', async () => {
    const { caller } = await t.login('admin', ADMIN_PASSWORD);
    const c = await caller.customers.create({ name: 'José da Conceição', cpf: '529.982.247-25', phones: ['(11) 98765-4321'], emails: ['Jose@Example.COM'] });
    expect(c).toMatchObject({ cpf: '52998224725', phones: ['+5511987654321'], emails: ['jose@example.com'] });
    for (const q of ['+55 11 98765 4321', '011987654321', '52998224725', '529.982.247-25', 'jose@example.com', 'conceicao']) {
      expect((await caller.customers.search({ text: q })).map((x) => x.id), q).toEqual([c.id]);
    }
    const audit = await caller.audit.list({ entity: 'customer', entityId: c.id });
    expect(audit.map((a) => a.action)).toEqual(['customer.create']);
  });

  it('lists open tickets in queue order: SLA due first, then priority, then age', async () => {
    const { caller } = await t.login('admin', ADMIN_PASSWORD);
    const c = await caller.customers.create({ name: 'Cliente', phones: ['11987654321'] });
    const low = await caller.tickets.create({ subject: 'baixa', channel: 'email', requesterId: c.id, priority: 'low' });
    const urgent = await caller.tickets.create({ subject: 'urgente', channel: 'chat', requesterId: c.id, priority: 'urgent' });
    const normal = await caller.tickets.create({ subject: 'normal', channel: 'phone', requesterId: c.id, body: 'Olá, preciso de ajuda' });
    const list = await caller.tickets.list({ limit: 10 });
    expect(list.total).toBe(3);
    expect(list.items.map((i) => i.id)).toEqual([urgent.id, normal.id, low.id]);
    expect(list.items[0]).toMatchObject({ customerName: 'Cliente', number: urgent.number, status: 'new' });
    expect(new Set([low.number, urgent.number, normal.number]).size).toBe(3);
  });
});
