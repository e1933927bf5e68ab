import { describe, expect, it } from 'vitest';
import type { Session, Survey, User } from '../../../shared/schemas';
import { makeAudit, makeCustomer, makeInteraction, makeTicket, testId } from '../../integration/fixtures/store-records';
import { openTemp, tempDir } from './temp-store';

const T = '2026-11-02T12:00:00.000Z';

describe('store indexes', () => {
  it('customers by phone, lower-cased e-mail and CPF follow updates', async () => {
    const dir = tempDir();
    const store = await openTemp(dir);
    const c = await store.write((tx) =>
      tx.put('customers', makeCustomer({ phones: ['+5511911110000', '+5521922220000'], emails: ['Maria@Example.COM'], cpf: '52998224725' })),
    );
    expect(store.customers.byIndex('phone', '+5511911110000')).toEqual([c]);
    expect(store.customers.byIndex('phone', '+5521922220000')).toEqual([c]);
    expect(store.customers.byIndex('email', 'maria@example.com')).toEqual([c]);
    expect(store.customers.byIndex('cpf', '52998224725')).toEqual([c]);

    const changed = await store.write((tx) => tx.put('customers', { ...c, phones: ['+5521922220000', '+5531933330000'], cpf: null }, c.version));
    expect(store.customers.byIndex('phone', '+5511911110000')).toEqual([]);
    expect(store.customers.byIndex('phone', '+5521922220000')).toEqual([changed]);
    expect(store.customers.byIndex('phone', '+5531933330000')).toEqual([changed]);
    expect(store.customers.countByIndex('cpf', '52998224725')).toBe(0);
    expect([...store.customers.indexKeys('phone')].sort()).toEqual(['+5521922220000', '+5531933330000']);

    const other = await store.write((tx) => tx.put('customers', makeCustomer({ phones: ['+5521922220000'], emails: [] })));
    expect(store.customers.countByIndex('phone', '+5521922220000')).toBe(2);
    await store.write((tx) => tx.delete('customers', other.id));
    expect(store.customers.byIndex('phone', '+5521922220000')).toEqual([changed]);
  });

  it('tickets: solving one leaves openByTeam; team, assignee and thread changes move it', async () => {
    const store = await openTemp(tempDir());
    const a = await store.write((tx) => tx.put('tickets', makeTicket({ number: 1, teamId: 'team_a', requesterId: 'cus_1' })));
    const b = await store.write((tx) => tx.put('tickets', makeTicket({ number: 2, teamId: null, requesterId: 'cus_1', status: 'pending' })));
    expect(store.tickets.byIndex('number', '1')).toEqual([a]);
    expect(store.tickets.byIndex('openByTeam', 'team_a')).toEqual([a]);
    expect(store.tickets.byIndex('openByTeam', 'none')).toEqual([b]);
    expect(store.tickets.countByIndex('requester', 'cus_1')).toBe(2);
    expect([...store.tickets.indexKeys('assignee')]).toEqual([]); // null assignees are not indexed

    const solved = await store.write((tx) => tx.put('tickets', { ...a, status: 'solved' }, a.version));
    expect(store.tickets.countByIndex('openByTeam', 'team_a')).toBe(0);
    expect([...store.tickets.indexKeys('openByTeam')]).toEqual(['none']);
    expect(store.tickets.byIndex('requester', 'cus_1')).toContain(solved);

    const moved = await store.write((tx) => tx.put('tickets', { ...b, teamId: 'team_b', assigneeId: 'usr_1', externalThreadId: 'wa:5511' }, b.version));
    expect(store.tickets.countByIndex('openByTeam', 'none')).toBe(0);
    expect(store.tickets.byIndex('openByTeam', 'team_b')).toEqual([moved]);
    expect(store.tickets.byIndex('assignee', 'usr_1')).toEqual([moved]);
    expect(store.tickets.byIndex('externalThread', 'wa:5511')).toEqual([moved]);

    const reopened = await store.write((tx) => tx.put('tickets', { ...solved, status: 'open' }, solved.version));
    expect(store.tickets.byIndex('openByTeam', 'team_a')).toEqual([reopened]);
  });

  it('interactions, surveys, sessions, users and audit', async () => {
    const store = await openTemp(tempDir());
    const i = await store.write((tx) => tx.put('interactions', makeInteraction({ ticketId: 'tkt_1', customerId: 'cus_1', externalId: '<m1@mail>' })));
    const j = await store.write((tx) => tx.put('interactions', makeInteraction({ ticketId: 'tkt_1' })));
    expect(store.interactions.countByIndex('ticket', 'tkt_1')).toBe(2);
    expect(store.interactions.byIndex('customer', 'cus_1')).toEqual([i]);
    expect(store.interactions.byIndex('externalId', '<m1@mail>')).toEqual([i]);
    expect([...store.interactions.indexKeys('externalId')]).toEqual(['<m1@mail>']);
    expect(j.version).toBe(1);

    const survey: Survey = {
      id: testId('srv'), createdAt: T, updatedAt: T, version: 0, kind: 'csat', ticketId: 'tkt_1', customerId: 'cus_1', agentId: null,
      tokenHash: 'h1', sentAt: T, expiresAt: T, answeredAt: null, score: null, comment: null,
    };
    const s = await store.write((tx) => tx.put('surveys', survey));
    expect(store.surveys.byIndex('tokenHash', 'h1')).toEqual([s]);
    expect(store.surveys.byIndex('ticket', 'tkt_1')).toEqual([s]);
    expect(store.surveys.byIndex('customer', 'cus_1')).toEqual([s]);

    const user: User = {
      id: testId('usr'), createdAt: T, updatedAt: T, version: 0, username: 'ana', displayName: 'Ana', role: 'agent', passwordHash: 'x',
      extension: '2001', teamIds: [], skills: [], state: 'offline', pauseReason: null, stateSince: T, active: true, language: null,
    };
    const u = await store.write((tx) => tx.put('users', user));
    expect(store.users.byIndex('username', 'ana')).toEqual([u]);
    expect(store.users.byIndex('extension', '2001')).toEqual([u]);
    const session: Session = { id: testId('ses'), createdAt: T, updatedAt: T, version: 0, userId: u.id, tokenHash: 'th', expiresAt: T, client: 'test' };
    await store.write((tx) => tx.put('sessions', session));
    expect(store.sessions.countByIndex('user', u.id)).toBe(1);
    await store.write((tx) => tx.delete('sessions', session.id));
    expect(store.sessions.countByIndex('tokenHash', 'th')).toBe(0);

    const audit = await store.write((tx) => tx.put('audit', makeAudit({ entity: 'ticket', entityId: 'tkt_1' })));
    await store.write((tx) => tx.put('audit', makeAudit({ entity: 'system', entityId: null })));
    expect(store.audit.byIndex('entity', 'ticket:tkt_1')).toEqual([audit]);
    expect([...store.audit.indexKeys('entity')]).toEqual(['ticket:tkt_1']);
  });

  it('indexes are rebuilt at open', async () => {
    const dir = tempDir();
    const first = await openTemp(dir);
    const c = await first.write((tx) => tx.put('customers', makeCustomer({ phones: ['+5511911110000'] })));
    const t = await first.write((tx) => tx.put('tickets', makeTicket({ teamId: 'team_a', number: 42 })));
    await first.write((tx) => tx.put('tickets', { ...t, status: 'closed' }, t.version));
    await first.close();
    const store = await openTemp(dir);
    expect(store.customers.byIndex('phone', '+5511911110000').map((x) => x.id)).toEqual([c.id]);
    expect(store.tickets.byIndex('number', '42').map((x) => x.version)).toEqual([2]);
    expect(store.tickets.countByIndex('openByTeam', 'team_a')).toBe(0);
  });
});
