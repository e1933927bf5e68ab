import { describe, expect, it } from 'vitest';
import { conditionHolds, creationChanges, diffTicket, evaluateConditions } from '../../../main/domain/automation/rule-conditions';
import { RuleConditionSchema, type RuleCondition } from '../../../shared/schemas/automation';
import { ticket } from './fixtures';

const c = (field: string, op: string, value: unknown): RuleCondition => RuleConditionSchema.parse({ field, op, value });

describe('conditions', () => {
  const t = ticket({ subject: 'Cobrança INDEVIDA no cartão', tags: ['Cartao', 'reclamacao'], priority: 'high', assigneeId: null, category: 'billing' });

  it('compares enums and ids exactly, text case-insensitively', () => {
    expect(conditionHolds(c('status', 'is', 'open'), t)).toBe(true);
    expect(conditionHolds(c('status', 'is_not', 'open'), t)).toBe(false);
    expect(conditionHolds(c('assignee', 'is', null), t)).toBe(true);
    expect(conditionHolds(c('team', 'is', 'team_a'), t)).toBe(false);
    expect(conditionHolds(c('subject', 'contains', 'indevida'), t)).toBe(true);
    expect(conditionHolds(c('subject', 'not_contains', 'boleto'), t)).toBe(true);
    expect(conditionHolds(c('category', 'is', 'Billing'), t)).toBe(true);
    expect(conditionHolds(c('category', 'contains', 'bill'), ticket())).toBe(false);
  });

  it('treats tags as sets and "in" as any-of', () => {
    expect(conditionHolds(c('tags', 'contains', 'cartao'), t)).toBe(true);
    expect(conditionHolds(c('tags', 'not_contains', 'vip'), t)).toBe(true);
    expect(conditionHolds(c('tags', 'in', ['vip', 'reclamacao']), t)).toBe(true);
    expect(conditionHolds(c('status', 'in', ['new', 'pending']), t)).toBe(false);
    expect(conditionHolds(c('customer_tags', 'contains', 'vip'), t, { customerTags: ['VIP'] })).toBe(true);
    expect(conditionHolds(c('customer_tags', 'contains', 'vip'), t)).toBe(false);
  });

  it('orders priorities and sentiment for gt / lt; an unknown sentiment never matches', () => {
    expect(conditionHolds(c('priority', 'gt', 'normal'), t)).toBe(true);
    expect(conditionHolds(c('priority', 'gt', 'high'), t)).toBe(false);
    expect(conditionHolds(c('priority', 'lt', 'urgent'), t)).toBe(true);
    expect(conditionHolds(c('sentiment_score', 'lt', -0.5), t, { sentimentScore: -0.8 })).toBe(true);
    expect(conditionHolds(c('sentiment_score', 'gt', 0.2), t, { sentimentScore: -0.8 })).toBe(false);
    expect(conditionHolds(c('sentiment_score', 'lt', 0), t, { sentimentScore: null })).toBe(false);
    expect(conditionHolds(c('sentiment_score', 'gt', -1), t)).toBe(false);
  });

  it('matches changed_to only on a change to that value', () => {
    const before = ticket({ status: 'new', tags: ['b', 'a'] });
    const after = ticket({ status: 'open', tags: ['a', 'b'], priority: 'high' });
    const changes = diffTicket(before, after);
    expect(Object.keys(changes).sort()).toEqual(['priority', 'status']);
    expect(conditionHolds(c('status', 'changed_to', 'open'), after, {}, changes)).toBe(true);
    expect(conditionHolds(c('status', 'changed_to', 'pending'), after, {}, changes)).toBe(false);
    expect(conditionHolds(c('team', 'changed_to', null), after, {}, changes)).toBe(false);
    expect(conditionHolds(c('status', 'changed_to', 'open'), after)).toBe(false);
    expect(conditionHolds(c('status', 'changed_to', 'open'), after, {}, creationChanges(after))).toBe(true);
  });

  it('combines with all / any; no conditions always match', () => {
    const items = [c('status', 'is', 'open'), c('priority', 'is', 'urgent')];
    expect(evaluateConditions({ match: 'all', items }, t).matched).toBe(false);
    expect(evaluateConditions({ match: 'any', items }, t)).toMatchObject({ matched: true, items: [{ matched: true, actual: 'open' }, { matched: false, actual: 'high' }] });
    expect(evaluateConditions({ match: 'any', items: [] }, t).matched).toBe(true);
  });
});
