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

describe('macros', () => {
  it('are managed by admins only, and refuse unknown placeholders', async () => {
    const { admin, ana } = await workspaceFloor(t, clock);
    await expect(ana.macros.create({ name: 'x', body: 'y' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.macros.create({ name: 'x', body: 'Olá {{cliente.nome}}' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const m = await admin.macros.create({ name: 'Saudação', body: 'Olá {{customer.first_name}}' });
    const edited = await admin.macros.update({ id: m.id, version: m.version, macro: { name: 'Saudação', body: 'Oi {{customer.first_name}}', active: false } });
    await expect(admin.macros.update({ id: m.id, version: m.version, macro: { name: 'x', body: 'y' } })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await ana.macros.list()).map((x) => x.id)).toEqual([]);
    expect((await admin.macros.list()).map((x) => [x.name, x.active])).toEqual([['Saudação', false]]);
    await admin.macros.delete({ id: edited.id });
    expect(await admin.macros.list()).toEqual([]);
    const audit = await admin.audit.list({ entity: 'macro', entityId: m.id });
    expect(audit.map((a) => a.action).sort()).toEqual(['macro.create', 'macro.delete', 'macro.update']);
  });

  it('fill placeholders for the ticket and apply status, priority and tags with the reply', async () => {
    const { admin, ana, ticket } = await workspaceFloor(t, clock);
    const macro = await admin.macros.create({
      name: 'Estorno',
      body: 'Olá, {{customer.first_name}}! Estorno do atendimento #{{ticket.number}} solicitado. {{agent.name}}',
      actions: { status: 'solved', priority: 'high', addTags: ['estorno'], removeTags: ['novo'] },
    });
    const created = await ticket(admin, 'Cobrança dupla', { teamId: 'team_geral', tags: ['novo', 'vip'] });
    const rendered = await ana.macros.render({ macroId: macro.id, ticketId: created.id });
    expect(rendered.body).toBe(`Olá, Conceição! Estorno do atendimento #${created.number} solicitado. ANA`);
    const taken = await ana.tickets.take({ id: created.id, version: created.version });
    const solved = await ana.tickets.addMessage({ id: taken.id, version: taken.version, kind: 'reply', body: `${rendered.body} (editado)`, macroId: macro.id });
    expect(solved).toMatchObject({ status: 'solved', priority: 'high' });
    expect(solved.tags.sort()).toEqual(['estorno', 'vip']);
    const timeline = await ana.tickets.timeline({ id: created.id });
    expect(timeline.filter((i) => i.direction === 'outbound').map((i) => i.body)).toEqual([`${rendered.body} (editado)`]);
    const audit = await admin.audit.list({ entity: 'ticket', entityId: created.id });
    expect(audit.find((a) => a.action === 'ticket.reply')?.reason).toBe('macro: Estorno');
    await expect(ana.tickets.addMessage({ id: solved.id, version: solved.version, kind: 'note', body: 'x', macroId: 'mac_missing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
