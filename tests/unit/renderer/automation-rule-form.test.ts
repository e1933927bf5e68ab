import { describe, expect, it } from 'vitest';
import { AutomationRuleSchema, type AutomationRule } from '../../../shared/schemas/automation';
import { emptyRuleDraft, fromRule, move, newCondition, toRuleInput, withField, withOp } from '../../../renderer/features/automation/rule-form';
import { issueMap, issuesUnder, parseServerIssues, unplacedIssues } from '../../../renderer/features/automation/server-issues';

const vipRule: AutomationRule = AutomationRuleSchema.parse({
  id: 'rul_vip',
  name: 'WhatsApp + vip',
  enabled: true,
  order: 10,
  trigger: 'ticket_created',
  conditions: {
    match: 'all',
    items: [
      { field: 'channel', op: 'is', value: 'whatsapp' },
      { field: 'customer_tags', op: 'contains', value: 'vip' },
      { field: 'priority', op: 'in', value: ['low', 'normal'] },
      { field: 'assignee', op: 'is', value: null },
      { field: 'sentiment_score', op: 'lt', value: -0.4 },
    ],
  },
  actions: [
    { type: 'set_field', field: 'priority', value: 'urgent' },
    { type: 'assign_team', teamId: 'tm_vip' },
    { type: 'add_note', text: 'Cliente VIP' },
    { type: 'notify_users', userIds: ['usr_sup'] },
    { type: 'send_csat' },
  ],
});

describe('rule editor ↔ rule JSON', () => {
  it('round-trips a saved rule through the editor unchanged', () => {
    expect(AutomationRuleSchema.parse(toRuleInput(fromRule(vipRule)))).toEqual(vipRule);
  });

  it('a time-based trigger keeps its status and hours (typed with a decimal comma)', () => {
    const d = emptyRuleDraft();
    const input = toRuleInput({ ...d, name: 'x', order: 0, trigger: { ...d.trigger, type: 'time_based', equals: 'pending', forHours: '1,5' } });
    expect(input.trigger).toEqual({ type: 'time_based', field: 'status', equals: 'pending', forHours: 1.5 });
    expect(fromRule(AutomationRuleSchema.parse({ ...input, id: 'rul_1' })).trigger.forHours).toBe('1.5');
  });

  it('a new rule has no id; an empty assignment means "nobody" (null)', () => {
    const d = emptyRuleDraft();
    const input = toRuleInput({ ...d, actions: [{ ...d.actions[0]!, type: 'assign_agent', ref: '' }] });
    expect(input).not.toHaveProperty('id');
    expect(input.actions).toEqual([{ type: 'assign_agent', agentId: null }]);
  });

  it('a number that is not one is sent as typed, for the server to name it', () => {
    const c = { ...newCondition('sentiment_score'), value: 'muito' };
    expect(toRuleInput({ ...emptyRuleDraft(), conditions: [c] }).conditions).toEqual({ match: 'all', items: [{ field: 'sentiment_score', op: 'gt', value: 'muito' }] });
  });

  it('changing the field picks an operator and value it allows; changing to/from "in" carries the value', () => {
    const c = withField(newCondition('channel'), 'sentiment_score');
    expect(c).toMatchObject({ field: 'sentiment_score', op: 'gt', value: '' });
    const status = withField(newCondition('channel'), 'status');
    expect(status).toMatchObject({ op: 'is', value: 'new' });
    const list = withOp({ ...status, value: 'open' }, 'in');
    expect(list.values).toEqual(['open']);
    expect(withOp(list, 'is_not').value).toBe('open');
  });

  it('moves an item up or down and ignores moves past the ends', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('server validation message → fields', () => {
  it('splits issues on "; " only before a new path, keeping messages that contain "; "', () => {
    const message = 'conditions.items.1.value: a tag has no spaces or commas; weeklyHours.1.0.end: end (08:00) must be after start (09:00); mark the interval overnight if it crosses midnight; name: the rule needs a name';
    expect(parseServerIssues(message)).toEqual([
      { path: 'conditions.items.1.value', message: 'a tag has no spaces or commas' },
      { path: 'weeklyHours.1.0.end', message: 'end (08:00) must be after start (09:00); mark the interval overnight if it crosses midnight' },
      { path: 'name', message: 'the rule needs a name' },
    ]);
  });

  it('maps issues by path, finds those under a row, and lists those no field shows', () => {
    const issues = issueMap(parseServerIssues('rule: x; actions.0.tag: bad tag; order: required'), (p) => (p === 'rule' ? '' : p));
    expect(issuesUnder(issues, 'actions.0')).toEqual(['bad tag']);
    expect(unplacedIssues(issues, ['name', 'actions'])).toEqual(['x', 'order: required']);
  });

  it('text that is not "path: message" is kept whole', () => {
    expect(parseServerIssues('Something broke')).toEqual([{ path: '', message: 'Something broke' }]);
  });
});
