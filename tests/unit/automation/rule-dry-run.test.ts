import { describe, expect, it } from 'vitest';
import { testRule } from '../../../main/domain/automation/rule-dry-run';
import { validateRule } from '../../../main/domain/automation/rule-validation';
import { rule, ticket } from './fixtures';

describe('testRule (dry run)', () => {
  const r = rule({
    id: 'vip_angry',
    trigger: 'customer_replied',
    conditions: {
      match: 'all',
      items: [
        { field: 'customer_tags', op: 'contains', value: 'vip' },
        { field: 'sentiment_score', op: 'lt', value: -0.5 },
        { field: 'status', op: 'in', value: ['open', 'pending'] },
      ],
    },
    actions: [
      { type: 'set_field', field: 'priority', value: 'urgent' },
      { type: 'add_tag', tag: 'cliente-irritado' },
      { type: 'notify_users', userIds: ['sup_1'] },
    ],
  });

  it('explains each condition and previews the actions without touching the sample', () => {
    const sample = ticket();
    const run = testRule(r, sample, { context: { customerTags: ['vip'], sentimentScore: -0.2 } });
    expect(run).toMatchObject({ enabled: true, match: 'all', conditionsMatched: false, wouldFire: false });
    expect(run.conditions.map((x) => [x.matched, x.explanation])).toEqual([
      [true, 'customer_tags is ["vip"]: matches "contains "vip""'],
      [false, 'sentiment_score is -0.2: does not match "lt -0.5"'],
      [true, 'status is "open": matches "in ["open","pending"]"'],
    ]);
    expect(run.preview.changes).toEqual({ priority: { from: 'normal', to: 'urgent' }, tags: { from: [], to: ['cliente-irritado'] } });
    expect(run.preview.sideEffects).toEqual([{ type: 'notify_users', userIds: ['sup_1'], ruleId: 'vip_angry', ruleName: 'Rule vip_angry' }]);
    expect(sample.priority).toBe('normal');

    expect(testRule(r, sample, { context: { customerTags: ['vip'], sentimentScore: -0.9 } }).wouldFire).toBe(true);
    expect(testRule({ ...r, enabled: false }, sample, { context: { customerTags: ['vip'], sentimentScore: -0.9 } })).toMatchObject({ conditionsMatched: true, wouldFire: false });
  });

  it('says when changed_to needs a previous version, and uses it when given', () => {
    const onOpen = rule({ id: 'on_open', trigger: 'ticket_updated', conditions: { items: [{ field: 'status', op: 'changed_to', value: 'open' }] }, actions: [{ type: 'send_csat' }] });
    const sample = ticket();
    expect(testRule(onOpen, sample).conditions[0]!.explanation).toBe('status changed_to "open": needs a previous version of the ticket to compare');
    expect(testRule(onOpen, sample, { previous: ticket({ status: 'pending' }) }).wouldFire).toBe(true);
  });

  it('reports an action the workflow would refuse', () => {
    const reopen = rule({ id: 'reopen', trigger: 'customer_replied', actions: [{ type: 'set_field', field: 'status', value: 'open' }] });
    const run = testRule(reopen, ticket({ status: 'closed' }));
    expect(run.preview.actions[0]).toMatchObject({ changed: false, skipped: 'status cannot go from closed to open' });
  });
});

describe('validateRule', () => {
  it('accepts a valid rule, the trigger type alone as shorthand', () => {
    const v = validateRule({ id: 'r1', name: 'CSAT', order: 0, trigger: 'ticket_updated', actions: [{ type: 'send_csat' }] });
    expect(v).toMatchObject({ ok: true, rule: { enabled: true, trigger: { type: 'ticket_updated' }, conditions: { match: 'all', items: [] } } });
  });

  it('gives one message per field, with its path', () => {
    const v = validateRule({
      id: 'r1',
      name: ' ',
      order: 0,
      trigger: { type: 'time_based', field: 'status', equals: 'pending' },
      conditions: {
        match: 'all',
        items: [
          { field: 'status', op: 'gt', value: 'open' },
          { field: 'priority', op: 'is', value: 'asap' },
          { field: 'tags', op: 'in', value: [] },
          { field: 'sentiment_score', op: 'lt', value: 'bad' },
        ],
      },
      actions: [{ type: 'set_field', field: 'status', value: 'archived' }, { type: 'explode' }, { type: 'notify_users', userIds: [] }, { type: 'add_note', text: '' }],
    });
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.issues).toEqual([
      { path: 'name', message: 'the rule needs a name' },
      { path: 'trigger.forHours', message: 'forHours is required: hours the ticket stays in the status' },
      { path: 'conditions.items.0.op', message: '"status" does not support "gt" (use is, is_not, in, changed_to)' },
      { path: 'conditions.items.1.value', message: 'value must be one of low, normal, high, urgent' },
      { path: 'conditions.items.2.value', message: '"in" needs a non-empty list of values' },
      { path: 'conditions.items.3.value', message: 'lt needs a number' },
      { path: 'actions.0.value', message: 'status must be one of new, open, pending, on_hold, solved, closed' },
      { path: 'actions.1.type', message: expect.stringContaining('Invalid discriminator value') },
      { path: 'actions.2.userIds', message: 'choose at least one user to notify' },
      { path: 'actions.3.text', message: 'the note is empty' },
    ]);
  });

  it('refuses changed_to on a trigger that carries no change, and a rule without actions', () => {
    const v = validateRule({
      id: 'r2',
      name: 'Reminder',
      order: 1,
      trigger: { type: 'time_based', field: 'status', equals: 'pending', forHours: 72 },
      conditions: { items: [{ field: 'status', op: 'changed_to', value: 'pending' }] },
      actions: [{ type: 'add_note', text: 'lembrete' }],
    });
    expect(v).toEqual({ ok: false, issues: [{ path: 'conditions.items.0.op', message: '"changed_to" only applies to ticket_created and ticket_updated triggers' }] });
    expect(validateRule({ id: 'r3', name: 'Empty', order: 0, trigger: 'ticket_created', actions: [] })).toEqual({
      ok: false,
      issues: [{ path: 'actions', message: 'the rule needs at least one action' }],
    });
  });
});
