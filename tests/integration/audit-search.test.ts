import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../shared/schemas';
import { ManualClock } from '../../main/domain/shared/clock';
import { createTestCore, type Caller, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  clock = new ManualClock('2026-11-20T13:00:00.000Z');
  t = await createTestCore({ clock });
});
afterEach(async () => t.close());

/** Every page of a search, following `nextCursor` until null. */
async function allPages(caller: Caller, input: Parameters<Caller['audit']['search']>[0]): Promise<{ events: AuditEvent[]; pages: number }> {
  const events: AuditEvent[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await caller.audit.search({ ...input, ...(cursor ? { cursor } : {}) });
    events.push(...page.events);
    pages++;
    if (!page.nextCursor) return { events, pages };
    cursor = page.nextCursor;
  }
}

/** Newest first, ties on `at` by id descending. */
const newestFirst = (a: AuditEvent, b: AuditEvent) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

describe('audit.search', () => {
  it('filters by action prefix or exact name, entity and id, actor, text and date range', async () => {
    const floor = await workspaceFloor(t, clock);
    const { admin, ana, customer } = floor;
    clock.advance(60_000);
    await ana.customers.revealCpf({ id: customer.id });
    clock.advance(60_000);
    const ticket = await floor.ticket(ana, 'Boleto em atraso');
    clock.advance(60_000);
    await admin.customers.revealCpf({ id: customer.id });
    const anaId = (await ana.auth.me()).id;
    await t.core.services.store.write((tx) =>
      t.core.services.audit.record(tx, { actor: { id: null, name: 'system' }, action: 'ticket.escalate', entity: 'ticket', entityId: ticket.id, reason: 'Cliente reclamou na Ouvidoria' }),
    );

    const reveals = await admin.audit.search({ action: 'customer.reveal_cpf' });
    expect(reveals.events.map((e) => e.actorId)).toEqual([expect.any(String), anaId]);
    expect(reveals.events[0]?.actorName).not.toBe('ANA');
    expect(reveals.nextCursor).toBeNull();

    const customerActions = await admin.audit.search({ action: 'customer.' });
    expect(new Set(customerActions.events.map((e) => e.action))).toEqual(new Set(['customer.create', 'customer.reveal_cpf']));

    const forTicket = await admin.audit.search({ entity: 'ticket', entityId: ticket.id });
    expect(forTicket.events.length).toBeGreaterThanOrEqual(2);
    expect(forTicket.events.every((e) => e.entity === 'ticket' && e.entityId === ticket.id)).toBe(true);
    expect(forTicket.events[0]?.action).toBe('ticket.escalate');

    const byAna = await admin.audit.search({ actorId: anaId });
    expect(byAna.events.length).toBeGreaterThanOrEqual(2);
    expect(byAna.events.every((e) => e.actorId === anaId)).toBe(true);

    // Text ignores case and accents, and looks at the reason, the actor's name and the entity id.
    expect((await admin.audit.search({ text: 'OUVIDÓRIA' })).events.map((e) => e.action)).toEqual(['ticket.escalate']);
    expect((await admin.audit.search({ text: 'ana', action: 'customer.reveal_cpf' })).events.map((e) => e.actorId)).toEqual([anaId]);
    expect((await admin.audit.search({ text: ticket.id.toUpperCase() })).events.every((e) => e.entityId === ticket.id)).toBe(true);

    // Only the minute when ana revealed the CPF (with an offset, normalized to UTC).
    const window = await admin.audit.search({ from: '2026-11-20T10:01:00-03:00', to: '2026-11-20T13:01:59.999Z' });
    expect(window.events.map((e) => e.action)).toEqual(['customer.reveal_cpf']);
    expect(window.events[0]?.at).toBe('2026-11-20T13:01:00.000Z');

    const actions = await admin.audit.actions();
    expect(actions).toEqual([...actions].sort());
    expect(actions).toEqual(expect.arrayContaining(['auth.login', 'customer.reveal_cpf', 'ticket.escalate']));
  });

  it('pages through every event exactly once, newest first, ties broken by id, including events added between pages', async () => {
    const { admin, customer } = await workspaceFloor(t, clock);
    // Many events at the very same instant, then more later: ties must page stably.
    for (let i = 0; i < 7; i++) await admin.customers.revealCpf({ id: customer.id });
    clock.advance(1000);
    for (let i = 0; i < 5; i++) await admin.customers.revealCpf({ id: customer.id });
    const expected = [...t.core.services.store.audit.values()].sort(newestFirst);
    const { events, pages } = await allPages(admin, { limit: 3 });
    expect(pages).toBeGreaterThan(4);
    expect(events.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);

    // A page cursor stays valid while new events arrive: they are newer, so they are not repeated.
    const first = await admin.audit.search({ limit: 4 });
    clock.advance(1000);
    await admin.customers.revealCpf({ id: customer.id });
    const rest = await allPages(admin, { limit: 4, ...(first.nextCursor ? { cursor: first.nextCursor } : {}) });
    expect([...first.events, ...rest.events].map((e) => e.id)).toEqual(expected.map((e) => e.id));

    const revealsOnly = await allPages(admin, { action: 'customer.reveal_cpf', limit: 5 });
    expect(revealsOnly.events).toHaveLength(13);
  });

  it('is for admins only', async () => {
    const { ana, sup } = await workspaceFloor(t, clock);
    await expect(ana.audit.search({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sup.audit.search({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(sup.audit.actions()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(t.caller().audit.search({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('refuses bad input with a clear BAD_REQUEST', async () => {
    const { admin } = await workspaceFloor(t, clock);
    await expect(admin.audit.search({ limit: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.audit.search({ limit: 201 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.audit.search({ cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('invalid cursor') });
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    await expect(admin.audit.search({ cursor: forged })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.audit.search({ from: 'ontem' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.audit.search({ from: '2026-11-21T00:00:00Z', to: '2026-11-20T00:00:00Z' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(admin.audit.search({ action: 'customer.*' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
