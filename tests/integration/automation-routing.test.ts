import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../main/domain/shared/clock';
import { createTestCore, type TestCore } from './helpers/test-core';
import { workspaceFloor } from './helpers/workspace-floor';

let t: TestCore;
let clock: ManualClock;
beforeEach(async () => {
  // Thursday 10:00 in São Paulo.
  clock = new ManualClock('2026-11-19T13:00:00.000Z');
  t = await createTestCore({ clock });
});
afterEach(async () => t.close());

const inbound = (over: Record<string, unknown> = {}) => ({
  channel: 'whatsapp' as const,
  conversationId: 'wa-1',
  externalId: 'm1',
  sender: { name: 'Conceição', phone: '+55 11 98765-4321' },
  text: 'Preciso de ajuda urgente',
  sentAt: '2026-11-19T12:59:00.000Z',
  ...over,
});

describe('automation rules', () => {
  it('WhatsApp + vip customer → priority urgent in the VIP team, with the rule named in the audit', async () => {
    const { admin, customer } = await workspaceFloor(t, clock);
    const vip = await admin.teams.create({ name: 'Atendimento VIP', tier: 1 });
    await t.core.services.store.setSetting('intake.teams', { whatsapp: 'team_digital' });
    await admin.customers.update({ id: customer.id, version: customer.version, patch: { tags: ['vip'] } });
    await expect(admin.automation.save({ name: 'sem ações', trigger: 'ticket_created', actions: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('actions') });
    const rule = await admin.automation.save({
      name: 'VIP no WhatsApp',
      order: 1,
      trigger: 'ticket_created',
      conditions: { match: 'all', items: [{ field: 'channel', op: 'is', value: 'whatsapp' }, { field: 'customer_tags', op: 'contains', value: 'vip' }] },
      actions: [{ type: 'set_field', field: 'priority', value: 'urgent' }, { type: 'assign_team', teamId: vip.id }, { type: 'add_note', text: 'Cliente VIP: atender em até 30 min.' }],
    });
    const r = await t.core.services.intake.receive(inbound());
    if (!r.ok) throw new Error(r.reason);
    const ticket = t.core.services.store.tickets.get(r.ticketId);
    expect(ticket).toMatchObject({ priority: 'urgent', teamId: vip.id, sla: { policyId: 'sla_urgent' } });
    // Urgent policy: first response in 30 min around the clock.
    expect(ticket?.sla.firstResponseDueAt).toBe('2026-11-19T13:30:00.000Z');
    const audit = await admin.audit.list({ entity: 'ticket', entityId: r.ticketId });
    expect(audit.filter((a) => a.actorName === 'automation: VIP no WhatsApp').map((a) => a.action).sort()).toEqual(['automation.add_note', 'automation.assign_team', 'automation.set_field']);
    const notes = t.core.services.store.interactions.byIndex('ticket', r.ticketId).filter((i) => i.kind === 'note');
    expect(notes.map((n) => n.body)).toEqual(['Cliente VIP: atender em até 30 min.']);
    // A non-vip WhatsApp contact is untouched.
    const other = await t.core.services.intake.receive(inbound({ conversationId: 'wa-2', externalId: 'm2', sender: { phone: '21 99999-0000' } }));
    if (!other.ok) throw new Error(other.reason);
    expect(t.core.services.store.tickets.get(other.ticketId)).toMatchObject({ priority: 'normal', teamId: 'team_digital' });
    expect((await admin.automation.test({ rule: { ...rule, id: undefined }, ticketId: other.ticketId })).conditionsMatched).toBe(false);
    expect((await admin.automation.test({ rule: { ...rule, id: undefined }, ticketId: r.ticketId })).conditions.map((c) => c.matched)).toEqual([true, true]);
  });

  it("a rule's notify-users action reaches the named users' subscriptions, and only theirs", async () => {
    const { admin, ana, bia, sup, ticket } = await workspaceFloor(t, clock);
    const users = await admin.users.list();
    const id = (username: string) => users.find((u) => u.username === username)?.id as string;
    await admin.automation.save({
      name: 'Avisar supervisão',
      trigger: 'ticket_created',
      conditions: { match: 'all', items: [{ field: 'priority', op: 'is', value: 'urgent' }] },
      actions: [{ type: 'notify_users', userIds: [id('sup'), id('ana')] }],
    });
    type Note = { ticketId: string; number: number; subject: string; ruleName: string };
    const firstOf = async (stream: unknown): Promise<Note> => {
      for await (const e of stream as AsyncIterable<Note>) return e;
      throw new Error('stream ended');
    };
    const forSup = firstOf(await sup.tickets.onNotification());
    const forAna = firstOf(await ana.tickets.onNotification());
    const biaStream = (await bia.tickets.onNotification()) as AsyncIterable<Note>;
    const biaGot: Note[] = [];
    const biaReading = (async () => {
      for await (const e of biaStream) biaGot.push(e);
    })().catch(() => undefined);
    await ticket(admin, 'Normal', { teamId: 'team_geral' });
    const urgent = await ticket(admin, 'Cliente sem energia', { teamId: 'team_geral', priority: 'urgent' });
    const expected = { ticketId: urgent.id, number: urgent.number, subject: 'Cliente sem energia', ruleName: 'Avisar supervisão' };
    expect(await forSup).toEqual(expected);
    expect(await forAna).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(biaGot).toEqual([]);
    void biaReading;
  });

  it('terminates rules that undo each other, and does not re-fire a rule on its own change', async () => {
    const { admin, ana, ticket } = await workspaceFloor(t, clock);
    await admin.automation.save({ name: 'Sobe', order: 1, trigger: 'ticket_updated', conditions: { match: 'all', items: [{ field: 'priority', op: 'is', value: 'normal' }] }, actions: [{ type: 'set_field', field: 'priority', value: 'high' }] });
    await admin.automation.save({ name: 'Desce', order: 2, trigger: 'ticket_updated', conditions: { match: 'all', items: [{ field: 'priority', op: 'is', value: 'high' }] }, actions: [{ type: 'set_field', field: 'priority', value: 'normal' }] });
    const created = await ticket(admin, 'Loop', { teamId: 'team_geral' });
    const updated = await ana.tickets.update({ id: created.id, version: created.version, patch: { tags: ['x'] } });
    expect(['normal', 'high']).toContain(updated.priority);
    const fired = (await admin.audit.list({ entity: 'ticket', entityId: created.id })).filter((a) => a.actorName.startsWith('automation: '));
    expect(fired.length).toBeGreaterThan(0);
    expect(fired.length).toBeLessThanOrEqual(10);
  });

  it('fires sla_breached rules once when a ticket crosses its target', async () => {
    const { admin, ticket } = await workspaceFloor(t, clock);
    await admin.automation.save({ name: 'Estourou', order: 1, trigger: { type: 'sla_breached' }, actions: [{ type: 'add_tag', tag: 'sla-estourado' }, { type: 'set_field', field: 'priority', value: 'urgent' }] });
    const created = await ticket(admin, 'Demorado', { teamId: 'team_geral', priority: 'high' });
    await t.core.services.slaMonitor.tick();
    clock.advance(2 * 3_600_000); // high: first response in 1 business hour
    await t.core.services.slaMonitor.tick();
    await t.core.services.slaMonitor.tick();
    const after = t.core.services.store.tickets.get(created.id);
    expect(after?.tags).toContain('sla-estourado');
    expect(after?.priority).toBe('urgent');
    const fired = (await admin.audit.list({ entity: 'ticket', entityId: created.id })).filter((a) => a.actorName === 'automation: Estourou');
    expect(fired).toHaveLength(2);
  });
});

describe('routing', () => {
  it('round-robins new work over available agents with capacity; paused and offline agents get none', async () => {
    const { admin, ana, bia } = await workspaceFloor(t, clock);
    await admin.routing.save({ teamId: 'team_geral', mode: 'round_robin', capacity: { email: 2 } });
    await ana.users.setMyState({ state: 'available' });
    await bia.users.setMyState({ state: 'available' });
    const users = await admin.users.list();
    const id = (name: string) => users.find((u) => u.username === name)?.id;
    const made: { id: string; assigneeId: string | null; requesterId: string }[] = [];
    for (let i = 0; i < 4; i++) made.push(await admin.tickets.create({ subject: `T${i}`, channel: 'email', requesterId: (await admin.customers.search({ text: 'conceicao' }))[0]?.id ?? '', teamId: 'team_geral' }));
    const assignees = made.map((m) => m.assigneeId);
    expect(assignees.filter((a) => a === id('ana'))).toHaveLength(2);
    expect(assignees.filter((a) => a === id('bia'))).toHaveLength(2);
    // Both at capacity (2 e-mails each): the fifth waits unassigned in the team queue.
    const fifth = await admin.tickets.create({ subject: 'T5', channel: 'email', requesterId: made[0]?.requesterId ?? '', teamId: 'team_geral' });
    expect(fifth.assigneeId).toBeNull();
    await bia.users.setMyState({ state: 'paused', reason: 'break' });
    const chat = await admin.tickets.create({ subject: 'Chat', channel: 'chat', requesterId: made[0]?.requesterId ?? '', teamId: 'team_geral' });
    expect(chat.assigneeId).toBe(id('ana'));
  });
});

describe('redistribution', () => {
  it("hands an offline agent's open tickets to an available colleague, and a returning agent pulls waiting work", async () => {
    const { admin, ana, bia, customer } = await workspaceFloor(t, clock);
    await admin.routing.save({ teamId: 'team_geral', mode: 'least_loaded' });
    const users = await admin.users.list();
    const id = (name: string) => users.find((u) => u.username === name)?.id;
    await ana.users.setMyState({ state: 'available' });
    const made: { id: string; assigneeId: string | null; requesterId: string }[] = [];
    for (let i = 0; i < 3; i++) made.push(await admin.tickets.create({ subject: `E${i}`, channel: 'email', requesterId: customer.id, teamId: 'team_geral' }));
    expect(made.every((m) => m.assigneeId === id('ana'))).toBe(true);
    await bia.users.setMyState({ state: 'available' });
    await ana.users.setMyState({ state: 'offline' });
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
    };
    const assignees = () => made.map((m) => t.core.services.store.tickets.get(m.id)?.assigneeId);
    await until(() => assignees().every((a) => a === id('bia')));
    expect(assignees()).toEqual([id('bia'), id('bia'), id('bia')]);
    const audit = await admin.audit.list({ entity: 'ticket', entityId: made[0]?.id ?? '' });
    expect(audit.some((a) => a.action === 'ticket.route' && a.reason === 'agent unavailable')).toBe(true);

    // Bia pauses (keeps her tickets); new work waits unassigned; Ana comes back and pulls it.
    await bia.users.setMyState({ state: 'paused', reason: 'lunch' });
    const waiting = await admin.tickets.create({ subject: 'Espera', channel: 'email', requesterId: customer.id, teamId: 'team_geral' });
    expect(waiting.assigneeId).toBeNull();
    expect(assignees()).toEqual([id('bia'), id('bia'), id('bia')]);
    await ana.users.setMyState({ state: 'available' });
    await until(() => t.core.services.store.tickets.get(waiting.id)?.assigneeId === id('ana'));
    expect(t.core.services.store.tickets.get(waiting.id)?.assigneeId).toBe(id('ana'));
  });
});

describe('SLA policies', () => {
  it('are validated on save with clear messages', async () => {
    const { admin } = await workspaceFloor(t, clock);
    await expect(admin.sla.savePolicy({ id: 'sla_x', name: 'X', order: 1, firstResponseMinutes: 60, resolutionMinutes: 30, calendarId: 'cal_business' })).rejects.toMatchObject({ message: expect.stringContaining('resolution target must not be shorter') });
    await expect(admin.sla.savePolicy({ id: 'sla_x', name: 'X', order: 1, firstResponseMinutes: 60, resolutionMinutes: 120, calendarId: 'cal_nope' })).rejects.toMatchObject({ message: expect.stringContaining('unknown calendar') });
    await expect(admin.sla.saveCalendar({ id: 'cal_x', name: 'X', timeZone: 'Mars/Olympus', kind: 'business', weeklyHours: [[], [], [], [], [], [], []] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('time zone') });
    const policies = await admin.sla.policies();
    expect(policies.map((p) => p.id)).toEqual(['sla_urgent', 'sla_high', 'sla_normal', 'sla_low']);
  });
});
