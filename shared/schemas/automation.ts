import { z } from 'zod';
import { CHANNELS, IdSchema, TagSchema } from './common';
import { PRIORITIES, TICKET_STATUSES, TicketStatusSchema } from './ticket';

/** What can start a rule evaluation. */
export const RuleEventTypeSchema = z.enum(['ticket_created', 'ticket_updated', 'customer_replied', 'sla_warning', 'sla_breached', 'time_based']);
export type RuleEventType = z.infer<typeof RuleEventTypeSchema>;

const SlaTargetFilterSchema = z.enum(['any', 'first_response', 'resolution']).default('any');

const TriggerObjectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ticket_created') }),
  z.object({ type: z.literal('ticket_updated') }),
  z.object({ type: z.literal('customer_replied') }),
  z.object({ type: z.literal('sla_warning'), target: SlaTargetFilterSchema }),
  z.object({ type: z.literal('sla_breached'), target: SlaTargetFilterSchema }),
  z.object({
    type: z.literal('time_based'),
    /** Only the status clock exists today (time since the ticket entered the status). */
    field: z.literal('status', { error: 'time-based rules watch the status field' }),
    equals: TicketStatusSchema,
    forHours: z
      .number({ error: (i) => (i.input === undefined ? 'forHours is required: hours the ticket stays in the status' : 'forHours must be a number') })
      .positive('forHours must be above 0').max(8760, 'forHours is at most 8760 (a year)'),
  }),
]);

/** A trigger object, or its type alone as a shorthand (`'ticket_created'`). */
export const RuleTriggerSchema = z.preprocess((v) => (typeof v === 'string' ? { type: v } : v), TriggerObjectSchema);
export type RuleTrigger = z.infer<typeof TriggerObjectSchema>;

export const CONDITION_FIELDS = ['status', 'priority', 'channel', 'team', 'assignee', 'tags', 'category', 'subject', 'customer_tags', 'sentiment_score'] as const;
export const ConditionFieldSchema = z.enum(CONDITION_FIELDS);
export type ConditionField = z.infer<typeof ConditionFieldSchema>;

export const ConditionOpSchema = z.enum(['is', 'is_not', 'contains', 'not_contains', 'in', 'gt', 'lt', 'changed_to']);
export type ConditionOp = z.infer<typeof ConditionOpSchema>;

/**
 * How each field is read and compared: `enum` (fixed values, priority also ordered for gt/lt),
 * `id` (team / agent id, null = none), `text` (case-insensitive), `set` (tags), `number`.
 */
export const CONDITION_FIELD_SPECS: Readonly<Record<ConditionField, { kind: 'enum' | 'id' | 'text' | 'set' | 'number'; ops: readonly ConditionOp[]; values?: readonly string[] }>> = {
  status: { kind: 'enum', ops: ['is', 'is_not', 'in', 'changed_to'], values: TICKET_STATUSES },
  priority: { kind: 'enum', ops: ['is', 'is_not', 'in', 'gt', 'lt', 'changed_to'], values: PRIORITIES },
  channel: { kind: 'enum', ops: ['is', 'is_not', 'in', 'changed_to'], values: CHANNELS },
  team: { kind: 'id', ops: ['is', 'is_not', 'in', 'changed_to'] },
  assignee: { kind: 'id', ops: ['is', 'is_not', 'in', 'changed_to'] },
  tags: { kind: 'set', ops: ['contains', 'not_contains', 'in'] },
  category: { kind: 'text', ops: ['is', 'is_not', 'in', 'contains', 'not_contains', 'changed_to'] },
  subject: { kind: 'text', ops: ['is', 'is_not', 'contains', 'not_contains'] },
  customer_tags: { kind: 'set', ops: ['contains', 'not_contains', 'in'] },
  /** −1 (very negative) … 1 (very positive), from the caller's sentiment analysis. */
  sentiment_score: { kind: 'number', ops: ['gt', 'lt'] },
};

const ConditionValueSchema = z.union([z.string().max(300), z.number(), z.null(), z.array(z.string().max(300)).max(100)]);

/** A message saying what is wrong with a condition's value, or null when it fits the field and operator. */
function conditionValueProblem(field: ConditionField, op: ConditionOp, value: unknown): string | null {
  const spec = CONDITION_FIELD_SPECS[field];
  const oneOf = spec.values ? `one of ${spec.values.join(', ')}` : null;
  if (op === 'in') {
    if (!Array.isArray(value) || value.length === 0) return '"in" needs a non-empty list of values';
    const bad = spec.values ? value.find((v) => !spec.values!.includes(v)) : undefined;
    return bad === undefined ? null : `"${bad}" is not a ${field}; use ${oneOf}`;
  }
  if (op === 'gt' || op === 'lt') {
    if (spec.kind === 'number') return typeof value === 'number' && Number.isFinite(value) ? null : `${op} needs a number`;
    return typeof value === 'string' && spec.values?.includes(value) ? null : `${op} needs ${oneOf}`;
  }
  if (op === 'contains' || op === 'not_contains') {
    if (typeof value !== 'string' || value.trim() === '') return `${op} needs a non-empty text`;
    return spec.kind === 'set' && !TagSchema.safeParse(value).success ? 'a tag has no spaces or commas' : null;
  }
  // is / is_not / changed_to
  if (spec.kind === 'enum') return typeof value === 'string' && spec.values!.includes(value) ? null : `value must be ${oneOf}`;
  if (spec.kind === 'id') return value === null || IdSchema.safeParse(value).success ? null : 'value must be an id, or null for none';
  if (field === 'category') return value === null || typeof value === 'string' ? null : 'value must be a text, or null for none';
  return typeof value === 'string' ? null : 'value must be a text';
}

export const RuleConditionSchema = z
  .object({ field: ConditionFieldSchema, op: ConditionOpSchema, value: ConditionValueSchema })
  .superRefine((c, ctx) => {
    const spec = CONDITION_FIELD_SPECS[c.field];
    if (!spec.ops.includes(c.op)) {
      ctx.addIssue({ code: 'custom', path: ['op'], message: `"${c.field}" does not support "${c.op}" (use ${spec.ops.join(', ')})` });
      return;
    }
    const problem = conditionValueProblem(c.field, c.op, c.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });
export type RuleCondition = z.infer<typeof RuleConditionSchema>;

export const RuleConditionsSchema = z.object({
  match: z.enum(['all', 'any']).default('all'),
  items: z.array(RuleConditionSchema).max(50).default([]),
});
export type RuleConditions = z.infer<typeof RuleConditionsSchema>;

export const SETTABLE_FIELDS = ['status', 'priority', 'category'] as const;

export const RuleActionSchema = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('set_field'), field: z.enum(SETTABLE_FIELDS), value: z.string().trim().max(80).nullable() })
    .superRefine((a, ctx) => {
      const allowed = a.field === 'status' ? TICKET_STATUSES : a.field === 'priority' ? PRIORITIES : null;
      if (allowed && (a.value === null || !allowed.includes(a.value as never))) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${a.field} must be one of ${allowed.join(', ')}` });
      }
      if (a.field === 'category' && a.value === '') ctx.addIssue({ code: 'custom', path: ['value'], message: 'use null to clear the category' });
    }),
  z.object({ type: z.literal('assign_team'), teamId: IdSchema.nullable() }),
  z.object({ type: z.literal('assign_agent'), agentId: IdSchema.nullable() }),
  z.object({ type: z.literal('add_tag'), tag: TagSchema }),
  z.object({ type: z.literal('remove_tag'), tag: TagSchema }),
  z.object({ type: z.literal('reply_macro'), macroId: IdSchema }),
  z.object({ type: z.literal('add_note'), text: z.string().trim().min(1, 'the note is empty').max(10_000) }),
  z.object({ type: z.literal('notify_users'), userIds: z.array(IdSchema).min(1, 'choose at least one user to notify').max(100) }),
  z.object({ type: z.literal('send_csat') }),
]);
export type RuleAction = z.infer<typeof RuleActionSchema>;

const CHANGE_TRIGGERS: readonly string[] = ['ticket_created', 'ticket_updated'];

/** An automation rule: when `trigger` happens and `conditions` hold, run `actions` in order. */
export const AutomationRuleSchema = z
  .object({
    id: IdSchema,
    name: z.string().trim().min(1, 'the rule needs a name').max(120),
    enabled: z.boolean().default(true),
    /** Lower runs first. */
    order: z.number().int().nonnegative(),
    trigger: RuleTriggerSchema,
    conditions: RuleConditionsSchema.default({ match: 'all', items: [] }),
    actions: z.array(RuleActionSchema).min(1, 'the rule needs at least one action').max(30),
  })
  .superRefine((rule, ctx) => {
    if (CHANGE_TRIGGERS.includes(rule.trigger.type)) return;
    rule.conditions.items.forEach((c, i) => {
      if (c.op === 'changed_to') {
        ctx.addIssue({ code: 'custom', path: ['conditions', 'items', i, 'op'], message: '"changed_to" only applies to ticket_created and ticket_updated triggers' });
      }
    });
  });
export type AutomationRule = z.infer<typeof AutomationRuleSchema>;
export type AutomationRuleInput = z.input<typeof AutomationRuleSchema>;
