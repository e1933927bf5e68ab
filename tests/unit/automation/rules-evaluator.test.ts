import { describe, expect, it } from 'vitest';
import { evaluateRules } from '../../../main/domain/automation/rules-evaluator';
import { ManualClock } from '../../../main/domain/shared/clock';
import { T0, rule, ticket } from './fixtures';

const clock = new ManualClock(T0);
const ctx = () => ({ now: clock.now() });

describe('evaluateRules', () => {
  it('runs matching rules by order, actions in order, and returns side effects with rule names', () => {
    const rules = [
      rule({ id: 'b_low', order: 2, trigger: 'ticket_created', actions: [{ type: 'set_field', field: 'priority', value: 'low' }, { type: 'add_note', text: 'segunda' }] }),
      rule({ id: 'a_high', order: 1, trigger: 'ticket_created', actions: [{ type: 'set_field', field: 'priority', value: 'high' }, { type: 'reply_macro', macroId: 'm_ack' }] }),
      rule({ id: 'off', order: 0, enabled: false, trigger: 'ticket_created', actions: [{ type: 'send_csat' }] }),
      rule({ id: 'other_trigger', order: 0, trigger: 'customer_replied', actions: [{ type: 'send_csat' }] }),
    ];
    const t = ticket({ status: 'new' });
    const r = evaluateRules(rules, { type: 'ticket_created', ticket: t }, ctx());
    expect(r.fired.map((f) => f.ruleId)).toEqual(['a_high', 'b_low']);
    expect(r.actions.map((a) => [a.ruleName, a.action.type])).toEqual([
      ['Rule a_high', 'set_field'],
      ['Rule a_high', 'reply_macro'],
      ['Rule b_low', 'set_field'],
      ['Rule b_low', 'add_note'],
    ]);
    expect(r.sideEffects).toEqual([
      { type: 'reply_macro', macroId: 'm_ack', ruleId: 'a_high', ruleName: 'Rule a_high' },
      { type: 'add_note', text: 'segunda', ruleId: 'b_low', ruleName: 'Rule b_low' },
    ]);
    expect(r.ticket.priority).toBe('low');
    expect(r.ticket.updatedAt).toBe(clock.now().toISOString());
    expect(r).toMatchObject({ changed: true, halted: null });
    expect(t.priority).toBe('normal');
  });

  it('matches all / any conditions against the ticket and the context', () => {
    const items = [
      { field: 'customer_tags', op: 'contains', value: 'vip' },
      { field: 'sentiment_score', op: 'lt', value: -0.5 },
    ] as const;
    const rules = [
      rule({ id: 'all', trigger: 'customer_replied', conditions: { match: 'all', items: [...items] }, actions: [{ type: 'notify_users', userIds: ['sup_all'] }] }),
      rule({ id: 'any', trigger: 'customer_replied', conditions: { match: 'any', items: [...items] }, actions: [{ type: 'notify_users', userIds: ['sup_any'] }] }),
    ];
    const ev = { type: 'customer_replied' as const, ticket: ticket() };
    expect(evaluateRules(rules, ev, { ...ctx(), customerTags: ['vip'], sentimentScore: 0.3 }).fired.map((f) => f.ruleId)).toEqual(['any']);
    expect(evaluateRules(rules, ev, { ...ctx(), customerTags: ['vip'], sentimentScore: -0.9 }).fired.map((f) => f.ruleId)).toEqual(['all', 'any']);
    const none = evaluateRules(rules, ev, { ...ctx(), customerTags: [], sentimentScore: null });
    expect(none).toMatchObject({ fired: [], changed: false, sideEffects: [] });
    expect(none.ticket).toBe(ev.ticket);
  });

  it('fires changed_to on the event’s change only', () => {
    const onOpen = rule({ id: 'on_open', trigger: 'ticket_updated', conditions: { items: [{ field: 'status', op: 'changed_to', value: 'open' }] }, actions: [{ type: 'add_tag', tag: 'aberto' }] });
    const opened = evaluateRules([onOpen], { type: 'ticket_updated', previous: ticket({ status: 'new' }), ticket: ticket({ status: 'open' }) }, ctx());
    expect(opened.ticket.tags).toEqual(['aberto']);
    const other = evaluateRules([onOpen], { type: 'ticket_updated', previous: ticket({ priority: 'low' }), ticket: ticket({ priority: 'high' }) }, ctx());
    expect(other.fired).toEqual([]);
  });

  it('chains: a rule reacts to another rule’s change as a ticket_updated event', () => {
    const rules = [
      rule({ id: 'phone_team', order: 1, trigger: 'ticket_created', conditions: { items: [{ field: 'channel', op: 'is', value: 'phone' }] }, actions: [{ type: 'assign_team', teamId: 'team_phone' }] }),
      rule({ id: 'tag_phone', order: 2, trigger: 'ticket_updated', conditions: { items: [{ field: 'team', op: 'changed_to', value: 'team_phone' }] }, actions: [{ type: 'add_tag', tag: 'telefonia' }] }),
    ];
    const r = evaluateRules(rules, { type: 'ticket_created', ticket: ticket({ status: 'new', channel: 'phone' }) }, ctx());
    expect(r.fired).toEqual([
      { ruleId: 'phone_team', ruleName: 'Rule phone_team', depth: 0, causedBy: null },
      { ruleId: 'tag_phone', ruleName: 'Rule tag_phone', depth: 1, causedBy: 'phone_team' },
    ]);
    expect(r.ticket).toMatchObject({ teamId: 'team_phone', tags: ['telefonia'] });
  });

  it('moves status through the workflow (SLA pause) and skips forbidden moves', () => {
    const pend = rule({ id: 'pend', trigger: 'customer_replied', actions: [{ type: 'set_field', field: 'status', value: 'pending' }] });
    const r = evaluateRules([pend], { type: 'customer_replied', ticket: ticket() }, ctx());
    expect(r.ticket).toMatchObject({ status: 'pending', sla: { pausedSince: clock.now().toISOString() } });
    const closed = evaluateRules([pend], { type: 'customer_replied', ticket: ticket({ status: 'closed' }) }, ctx());
    expect(closed).toMatchObject({ changed: false, actions: [{ changed: false, skipped: 'status cannot go from closed to pending' }] });
  });

  it('filters SLA triggers by target', () => {
    const rules = [
      rule({ id: 'any_breach', trigger: { type: 'sla_breached' }, actions: [{ type: 'notify_users', userIds: ['sup'] }] }),
      rule({ id: 'fr_breach', trigger: { type: 'sla_breached', target: 'first_response' }, actions: [{ type: 'set_field', field: 'priority', value: 'urgent' }] }),
      rule({ id: 'warn', trigger: { type: 'sla_warning' }, actions: [{ type: 'add_tag', tag: 'sla-alerta' }] }),
    ];
    const res = evaluateRules(rules, { type: 'sla_breached', ticket: ticket(), target: 'resolution' }, ctx());
    expect(res.fired.map((f) => f.ruleId)).toEqual(['any_breach']);
    const fr = evaluateRules(rules, { type: 'sla_breached', ticket: ticket(), target: 'first_response' }, ctx());
    expect(fr.fired.map((f) => f.ruleId)).toEqual(['any_breach', 'fr_breach']);
  });

  it('fires a time-based rule after the status has lasted long enough, once', () => {
    const close = rule({
      id: 'auto_solve',
      trigger: { type: 'time_based', field: 'status', equals: 'pending', forHours: 72 },
      actions: [{ type: 'set_field', field: 'status', value: 'solved' }, { type: 'send_csat' }],
    });
    const pending = ticket({ status: 'pending', sla: { ...ticket().sla, pausedSince: '2026-11-20T12:00:00.000Z' } });
    const c = new ManualClock('2026-11-23T11:59:59Z');
    expect(evaluateRules([close], { type: 'time_based', ticket: pending }, { now: c.now() }).fired).toEqual([]);
    c.advance(1000);
    const r = evaluateRules([close], { type: 'time_based', ticket: pending }, { now: c.now() });
    expect(r.ticket).toMatchObject({ status: 'solved', solvedAt: '2026-11-23T12:00:00.000Z', sla: { pausedSince: null, pausedSeconds: 72 * 3600 } });
    expect(r.sideEffects.map((s) => s.type)).toEqual(['send_csat']);
    expect(evaluateRules([close], { type: 'time_based', ticket: pending }, { now: c.now(), alreadyFiredRuleIds: ['auto_solve'] }).fired).toEqual([]);
    // The caller's own record of when the status began wins.
    expect(evaluateRules([close], { type: 'time_based', ticket: pending, statusSince: '2026-11-22T12:00:00Z' }, { now: c.now() }).fired).toEqual([]);
  });
});

describe('loop protection', () => {
  it('a rule does not re-fire on its own change', () => {
    const escalate = rule({
      id: 'urgent_notify',
      trigger: 'ticket_updated',
      conditions: { items: [{ field: 'priority', op: 'is', value: 'urgent' }] },
      actions: [{ type: 'add_tag', tag: 'urgente' }, { type: 'assign_team', teamId: 'team_n2' }, { type: 'notify_users', userIds: ['sup_1'] }],
    });
    const r = evaluateRules([escalate], { type: 'ticket_updated', previous: ticket(), ticket: ticket({ priority: 'urgent' }) }, ctx());
    expect(r.fired).toHaveLength(1);
    expect(r.sideEffects).toHaveLength(1);
    expect(r.halted).toBeNull();
  });

  it('two rules toggling a field through changed_to terminate', () => {
    const rules = [
      rule({ id: 'to_open', trigger: 'ticket_updated', conditions: { items: [{ field: 'status', op: 'changed_to', value: 'pending' }] }, actions: [{ type: 'set_field', field: 'status', value: 'open' }] }),
      rule({ id: 'to_pending', trigger: 'ticket_updated', conditions: { items: [{ field: 'status', op: 'changed_to', value: 'open' }] }, actions: [{ type: 'set_field', field: 'status', value: 'pending' }] }),
    ];
    const r = evaluateRules(rules, { type: 'ticket_updated', previous: ticket({ status: 'new' }), ticket: ticket({ status: 'open' }) }, ctx());
    expect(r.fired.map((f) => f.ruleId)).toEqual(['to_pending', 'to_open']);
    expect(r.halted).toEqual({ reason: 'cycle', ruleId: 'to_open' });
    expect(r.ticket.status).toBe('open');
  });

  it('two rules toggling a field through "is" conditions terminate', () => {
    const rules = [
      rule({ id: 'down', order: 1, trigger: 'ticket_updated', conditions: { items: [{ field: 'priority', op: 'is', value: 'high' }] }, actions: [{ type: 'set_field', field: 'priority', value: 'low' }, { type: 'add_note', text: 'baixou' }] }),
      rule({ id: 'up', order: 2, trigger: 'ticket_updated', conditions: { items: [{ field: 'priority', op: 'is', value: 'low' }] }, actions: [{ type: 'set_field', field: 'priority', value: 'high' }, { type: 'add_note', text: 'subiu' }] }),
    ];
    const r = evaluateRules(rules, { type: 'ticket_updated', previous: ticket(), ticket: ticket({ priority: 'high' }) }, ctx());
    expect(r.fired.length).toBeLessThanOrEqual(10);
    expect(r.halted?.reason).toBe('cycle');
    expect(r.sideEffects.map((s) => (s.type === 'add_note' ? s.text : ''))).toEqual(['baixou', 'subiu']);
  });

  it('caps the firings per event', () => {
    const step = (id: string, order: number, has: string | null, add: string) =>
      rule({
        id,
        order,
        trigger: has ? 'ticket_updated' : 'ticket_created',
        conditions: { items: [...(has ? [{ field: 'tags', op: 'contains', value: has } as const] : []), { field: 'tags', op: 'not_contains', value: add } as const] },
        actions: [{ type: 'add_tag', tag: add }],
      });
    const rules = [step('r1', 1, null, 'a'), step('r2', 2, 'a', 'b'), step('r3', 3, 'b', 'c'), step('r4', 4, 'c', 'd')];
    const full = evaluateRules(rules, { type: 'ticket_created', ticket: ticket({ status: 'new' }) }, ctx());
    expect(full).toMatchObject({ halted: null, ticket: { tags: ['a', 'b', 'c', 'd'] } });
    const capped = evaluateRules(rules, { type: 'ticket_created', ticket: ticket({ status: 'new' }) }, { ...ctx(), maxFires: 3 });
    expect(capped).toMatchObject({ halted: { reason: 'max_fires', ruleId: 'r4' }, ticket: { tags: ['a', 'b', 'c'] } });
    // r3 sees r2's tag in the same pass (conditions read the ticket as earlier rules left it).
    expect(capped.fired.map((f) => [f.ruleId, f.depth, f.causedBy])).toEqual([
      ['r1', 0, null],
      ['r2', 1, 'r1'],
      ['r3', 1, 'r1'],
    ]);
  });

  it('changes that undo each other leave the ticket as it was', () => {
    const rules = [
      rule({ id: 'add', order: 1, trigger: 'customer_replied', actions: [{ type: 'add_tag', tag: 'x' }] }),
      rule({ id: 'remove', order: 2, trigger: 'customer_replied', actions: [{ type: 'remove_tag', tag: 'x' }] }),
    ];
    const t = ticket();
    const r = evaluateRules(rules, { type: 'customer_replied', ticket: t }, ctx());
    expect(r.fired).toHaveLength(2);
    expect(r.changed).toBe(false);
    expect(r.ticket).toBe(t);
  });
});
