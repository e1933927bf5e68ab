import {
  CONDITION_FIELD_SPECS,
  CONDITION_FIELDS,
  type SETTABLE_FIELDS,
  type AutomationRule,
  type ConditionField,
  type ConditionOp,
  type RuleAction,
  type RuleCondition,
  type RuleEventType,
} from '../../../shared/schemas/automation';
import type { TicketStatus } from '../../../shared/schemas/ticket';

/**
 * The rule editor's state and its conversion to and from the rule JSON the server takes. Values
 * are kept as the inputs hold them (strings, lists); the server validates and names the field.
 */

export type FieldKind = (typeof CONDITION_FIELD_SPECS)[ConditionField]['kind'];
export type SlaTarget = 'any' | 'first_response' | 'resolution';

export interface TriggerDraft {
  type: RuleEventType;
  target: SlaTarget;
  equals: TicketStatus;
  forHours: string;
}

export interface ConditionDraft {
  field: ConditionField;
  op: ConditionOp;
  /** One value (every op but `in`); for `id` fields '' means "none". */
  value: string;
  /** The list of `in`. */
  values: string[];
}

export const ACTION_TYPES = ['set_field', 'assign_team', 'assign_agent', 'add_tag', 'remove_tag', 'reply_macro', 'add_note', 'notify_users', 'send_csat'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];
export type SettableField = (typeof SETTABLE_FIELDS)[number];

/** Every action's inputs side by side: switching the type keeps what was typed. */
export interface ActionDraft {
  type: ActionType;
  field: SettableField;
  /** set_field's value ('' = clear, for category). */
  value: string;
  /** assign_team / assign_agent / reply_macro id ('' = nobody, for assignments). */
  ref: string;
  tag: string;
  text: string;
  userIds: string[];
}

export interface RuleDraft {
  id: string | null;
  order: number | null;
  name: string;
  enabled: boolean;
  trigger: TriggerDraft;
  match: 'all' | 'any';
  conditions: ConditionDraft[];
  actions: ActionDraft[];
}

export const fieldKind = (field: ConditionField): FieldKind => CONDITION_FIELD_SPECS[field].kind;
export const opsOf = (field: ConditionField): readonly ConditionOp[] => CONDITION_FIELD_SPECS[field].ops;
export const enumValuesOf = (field: ConditionField): readonly string[] => CONDITION_FIELD_SPECS[field].values ?? [];

/** A fresh value for a field and operator: the first choice of an enum, else empty. */
function defaultValue(field: ConditionField, op: ConditionOp): string {
  const values = enumValuesOf(field);
  if (values.length > 0) return (op === 'gt' || op === 'lt') && field === 'priority' ? 'normal' : (values[0] ?? '');
  return '';
}

export function newCondition(field: ConditionField = 'channel'): ConditionDraft {
  const op = opsOf(field)[0] ?? 'is';
  return { field, op, value: defaultValue(field, op), values: [] };
}

/** Another field: its first operator and a value that fits it. */
export function withField(c: ConditionDraft, field: ConditionField): ConditionDraft {
  if (field === c.field) return c;
  const op = opsOf(field).includes(c.op) ? c.op : (opsOf(field)[0] ?? 'is');
  return { field, op, value: defaultValue(field, op), values: [] };
}

/** Another operator: the value carries over between one value and the list of `in`. */
export function withOp(c: ConditionDraft, op: ConditionOp): ConditionDraft {
  if (op === c.op) return c;
  if (op === 'in') return { ...c, op, values: c.values.length > 0 ? c.values : c.value ? [c.value] : [] };
  if (c.op === 'in') return { ...c, op, value: c.values[0] ?? defaultValue(c.field, op) };
  return { ...c, op };
}

export function newAction(type: ActionType = 'set_field'): ActionDraft {
  return { type, field: 'priority', value: type === 'set_field' ? 'high' : '', ref: '', tag: '', text: '', userIds: [] };
}

export function emptyRuleDraft(): RuleDraft {
  return {
    id: null,
    order: null,
    name: '',
    enabled: true,
    trigger: { type: 'ticket_created', target: 'any', equals: 'pending', forHours: '24' },
    match: 'all',
    conditions: [],
    actions: [newAction()],
  };
}

/** Splits a comma-separated list typed in one input. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function conditionValue(c: ConditionDraft): RuleCondition['value'] {
  if (c.op === 'in') return c.values;
  const kind = fieldKind(c.field);
  if (kind === 'number') {
    const n = Number(c.value.replace(',', '.'));
    // Not a number: sent as typed, so the server says what is wrong with it.
    return c.value.trim() !== '' && Number.isFinite(n) ? n : c.value;
  }
  if (kind === 'id') return c.value === '' ? null : c.value;
  if (c.field === 'category' && c.value.trim() === '' && c.op !== 'contains' && c.op !== 'not_contains') return null;
  return c.value.trim();
}

function actionJson(a: ActionDraft): Record<string, unknown> {
  switch (a.type) {
    case 'set_field':
      return { type: a.type, field: a.field, value: a.value.trim() === '' ? null : a.value.trim() };
    case 'assign_team':
      return { type: a.type, teamId: a.ref || null };
    case 'assign_agent':
      return { type: a.type, agentId: a.ref || null };
    case 'add_tag':
    case 'remove_tag':
      return { type: a.type, tag: a.tag.trim() };
    case 'reply_macro':
      return { type: a.type, macroId: a.ref };
    case 'add_note':
      return { type: a.type, text: a.text };
    case 'notify_users':
      return { type: a.type, userIds: a.userIds };
    case 'send_csat':
      return { type: a.type };
  }
}

function triggerJson(t: TriggerDraft): Record<string, unknown> {
  if (t.type === 'sla_warning' || t.type === 'sla_breached') return { type: t.type, target: t.target };
  if (t.type === 'time_based') {
    const hours = Number(t.forHours.replace(',', '.'));
    return { type: t.type, field: 'status', equals: t.equals, forHours: t.forHours.trim() === '' ? undefined : Number.isFinite(hours) ? hours : t.forHours };
  }
  return { type: t.type };
}

/** The rule JSON for `automation.save` / `automation.test` (no `id` for a new rule). */
export function toRuleInput(d: RuleDraft): Record<string, unknown> {
  return {
    ...(d.id ? { id: d.id } : {}),
    ...(d.order !== null ? { order: d.order } : {}),
    name: d.name.trim(),
    enabled: d.enabled,
    trigger: triggerJson(d.trigger),
    conditions: { match: d.match, items: d.conditions.map((c) => ({ field: c.field, op: c.op, value: conditionValue(c) })) },
    actions: d.actions.map(actionJson),
  };
}

function conditionDraft(c: RuleCondition): ConditionDraft {
  if (Array.isArray(c.value)) return { field: c.field, op: c.op, value: '', values: [...c.value] };
  return { field: c.field, op: c.op, value: c.value === null ? '' : String(c.value), values: [] };
}

function actionDraft(a: RuleAction): ActionDraft {
  const base = newAction(a.type);
  switch (a.type) {
    case 'set_field':
      return { ...base, field: a.field, value: a.value ?? '' };
    case 'assign_team':
      return { ...base, ref: a.teamId ?? '' };
    case 'assign_agent':
      return { ...base, ref: a.agentId ?? '' };
    case 'add_tag':
    case 'remove_tag':
      return { ...base, tag: a.tag };
    case 'reply_macro':
      return { ...base, ref: a.macroId };
    case 'add_note':
      return { ...base, text: a.text };
    case 'notify_users':
      return { ...base, userIds: [...a.userIds] };
    case 'send_csat':
      return base;
  }
}

/** A saved rule, in the editor's terms. */
export function fromRule(rule: AutomationRule): RuleDraft {
  const t = rule.trigger;
  return {
    id: rule.id,
    order: rule.order,
    name: rule.name,
    enabled: rule.enabled,
    trigger: {
      type: t.type,
      target: t.type === 'sla_warning' || t.type === 'sla_breached' ? t.target : 'any',
      equals: t.type === 'time_based' ? t.equals : 'pending',
      forHours: t.type === 'time_based' ? String(t.forHours) : '24',
    },
    match: rule.conditions.match,
    conditions: rule.conditions.items.map(conditionDraft),
    actions: rule.actions.map(actionDraft),
  };
}

/** Moves item `index` one place up (-1) or down (+1); out of range leaves the list as is. */
export function move<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** Paths the editor shows next to a control; the rest are listed at the top of the form. */
export function placedPaths(d: RuleDraft): string[] {
  return ['name', 'enabled', 'trigger', 'conditions.match', ...d.conditions.map((_, i) => `conditions.items.${i}`), 'actions', ...d.actions.map((_, i) => `actions.${i}`)];
}

export { CONDITION_FIELDS };
