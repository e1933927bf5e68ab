import { TRPCError } from '@trpc/server';
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

const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('the agent queue', () => {
  it("shows an agent their tickets plus their teams' unassigned ones, never another team's", async () => {
    const { admin, ana, caio, ticket } = await workspaceFloor(t, clock);
    const geral = await ticket(admin, 'Geral livre', { teamId: 'team_geral' });
    const digital = await ticket(admin, 'Digital livre', { teamId: 'team_digital' });
    const bias = await ticket(admin, 'Geral da Bia', { teamId: 'team_geral', assigneeId: (await admin.users.list()).find((u) => u.username === 'bia')?.id });
    const anasOther = await ticket(admin, 'Da Ana em N2', { teamId: 'team_n2', assigneeId: (await admin.users.list()).find((u) => u.username === 'ana')?.id });

    expect(ids(await ana.tickets.list({})).sort()).toEqual([geral.id, anasOther.id].sort());
    expect(ids(await caio.tickets.list({}))).toEqual([digital.id]);
    // "My teams" widens to colleagues' tickets; "all" is only for supervisors (agents get teams).
    expect(ids(await ana.tickets.list({ filter: { scope: 'teams' } })).sort()).toEqual([geral.id, bias.id, anasOther.id].sort());
    expect(ids(await ana.tickets.list({ filter: { scope: 'all' } })).sort()).toEqual([geral.id, bias.id, anasOther.id].sort());
    expect((await admin.tickets.list({})).total).toBe(4);
  });

  it('filters by status, channel, priority, tag, assignee and text, and counts each filter', async () => {
    const { admin, sup, customer } = await workspaceFloor(t, clock);
    const mk = (subject: string, extra: Record<string, unknown>) => admin.tickets.create({ subject, channel: 'email', requesterId: customer.id, teamId: 'team_geral', ...extra });
    const a = await mk('Boleto não chegou', { channel: 'email', priority: 'high', tags: ['boleto'] });
    const b = await mk('Internet caindo', { channel: 'whatsapp', priority: 'urgent', tags: ['tecnico'] });
    const c = await mk('Cancelar plano', { channel: 'chat', priority: 'low' });
    const anaId = (await admin.users.list()).find((u) => u.username === 'ana')?.id as string;
    await admin.tickets.update({ id: c.id, version: c.version, patch: { assigneeId: anaId, status: 'pending' } });

    expect(ids(await sup.tickets.list({ filter: { channel: ['whatsapp', 'chat'] } })).sort()).toEqual([b.id, c.id].sort());
    expect(ids(await sup.tickets.list({ filter: { priority: ['urgent'] } }))).toEqual([b.id]);
    expect(ids(await sup.tickets.list({ filter: { tag: ['boleto'] } }))).toEqual([a.id]);
    expect(ids(await sup.tickets.list({ filter: { status: ['pending'] } }))).toEqual([c.id]);
    expect(ids(await sup.tickets.list({ filter: { assignee: ['unassigned'] } })).sort()).toEqual([a.id, b.id].sort());
    expect(ids(await sup.tickets.list({ filter: { assignee: [anaId] } }))).toEqual([c.id]);
    // Text: accent- and case-insensitive words of the subject or customer name, or the number.
    expect(ids(await sup.tickets.list({ filter: { text: 'boleto nao' } }))).toEqual([a.id]);
    expect(ids(await sup.tickets.list({ filter: { text: 'CONCEICAO' } })).length).toBe(3);
    expect(ids(await sup.tickets.list({ filter: { text: `#${b.number}` } }))).toEqual([b.id]);
    // Solved tickets leave the default (open) queue but a status filter finds them.
    await admin.tickets.update({ id: a.id, version: a.version, patch: { status: 'solved' } });
    expect(ids(await sup.tickets.list({})).includes(a.id)).toBe(false);
    expect(ids(await sup.tickets.list({ filter: { status: ['solved'] } }))).toEqual([a.id]);
    expect(await sup.tickets.counts({ filters: [{}, { priority: ['urgent'] }, { status: ['solved'] }, { channel: ['phone'] }] })).toEqual([2, 1, 1, 0]);
  });

  it('keeps personal saved views with live counts, private to their owner', async () => {
    const { admin, ana, bia, ticket } = await workspaceFloor(t, clock);
    await ticket(admin, 'Urgente', { teamId: 'team_geral', priority: 'urgent' });
    await ticket(admin, 'Normal', { teamId: 'team_geral' });
    const view = await ana.views.save({ name: 'Urgentes', filter: { priority: ['urgent'] } });
    await ana.views.save({ name: 'Tudo', filter: {} });
    expect((await ana.views.list()).map((v) => [v.name, v.count])).toEqual([['Urgentes', 1], ['Tudo', 2]]);
    expect(await bia.views.list()).toEqual([]);
    await expect(ana.views.save({ name: 'urgentes', filter: {} })).rejects.toMatchObject({ code: 'CONFLICT', message: 'errors.name_taken' });
    await expect(bia.views.delete({ id: view.id })).rejects.toBeInstanceOf(TRPCError);
    await ticket(admin, 'Outro urgente', { teamId: 'team_geral', priority: 'urgent' });
    expect((await ana.views.list())[0]?.count).toBe(2);
    await ana.views.delete({ id: view.id });
    expect((await ana.views.list()).map((v) => v.name)).toEqual(['Tudo']);
  });

  it('pushes queue changes to subscribers as they happen', async () => {
    const { admin, ana, ticket } = await workspaceFloor(t, clock);
    const stream = await ana.tickets.onChange();
    const received: string[] = [];
    const reading = (async () => {
      for await (const e of stream as AsyncIterable<{ ticketId: string; kind: string }>) {
        received.push(`${e.kind}:${e.ticketId}`);
        if (received.length === 2) break;
      }
    })();
    const created = await ticket(admin, 'Novo', { teamId: 'team_geral' });
    await ana.tickets.take({ id: created.id, version: created.version });
    await reading;
    expect(received).toEqual([`created:${created.id}`, `updated:${created.id}`]);
  });
});
