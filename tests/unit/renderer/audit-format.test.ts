import { describe, expect, it } from 'vitest';
import { actionKey, changeLines, dayBound, entityHref, entityKey, valueText } from '../../../renderer/features/admin/audit/audit-format';

describe('audit log formatting', () => {
  it('finds a translated label for known actions and entities only', () => {
    expect(actionKey('customer.reveal_cpf')).toBe('customer_reveal_cpf');
    expect(actionKey('automation.set_priority')).toBeNull();
    expect(actionKey('toString')).toBeNull();
    expect(entityKey('ticket')).toBe('ticket');
    expect(entityKey('constructor')).toBeNull();
  });

  it('links tickets and customers to their screens', () => {
    expect(entityHref('ticket', 'tkt_1')).toBe('#/tickets/tkt_1');
    expect(entityHref('customer', 'cus_1')).toBe('#/customers/cus_1');
    expect(entityHref('user', 'usr_1')).toBeNull();
    expect(entityHref('ticket', null)).toBeNull();
  });

  it('summarizes changes as text, "field: before → after"', () => {
    expect(changeLines({ status: ['open', 'solved'], assigneeId: [null, 'usr_1'], tags: [[], ['vip']] }, '—')).toEqual(['status: open → solved', 'assigneeId: — → usr_1', 'tags: [] → ["vip"]']);
    expect(valueText('<b>x</b>', '—')).toBe('<b>x</b>');
    expect(valueText('a'.repeat(100), '—')).toHaveLength(60);
    expect(valueText(false, '—')).toBe('false');
  });

  it('turns date inputs into the local day bounds', () => {
    expect(dayBound('', 'start')).toBeUndefined();
    expect(new Date(dayBound('2026-11-20', 'start') as string).getHours()).toBe(0);
    expect(new Date(dayBound('2026-11-20', 'end') as string).getMinutes()).toBe(59);
  });
});
