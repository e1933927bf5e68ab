import {
  CONDITION_FIELD_SPECS,
  type ConditionField,
  type RuleCondition,
  type RuleConditions,
} from '../../../shared/schemas/automation';
import { PRIORITIES, type Ticket } from '../../../shared/schemas/ticket';

/** What rules may read besides the ticket. */
export interface RuleContext {
  customerTags?: readonly string[];
  /** −1 … 1; null or absent when not analysed (then gt / lt never match). */
  sentimentScore?: number | null;
}

export type FieldValue = string | number | null | readonly string[];

/** Fields that changed in an event, by condition field: what `changed_to` looks at. */
export type FieldChanges = Partial<Record<ConditionField, { from: FieldValue; to: FieldValue }>>;

/** The condition fields that live on the ticket (and so can change), with how to read them. */
const TICKET_FIELDS = {
  status: (t: Ticket) => t.status,
  priority: (t: Ticket) => t.priority,
  channel: (t: Ticket) => t.channel,
  team: (t: Ticket) => t.teamId,
  assignee: (t: Ticket) => t.assigneeId,
  tags: (t: Ticket) => t.tags,
  category: (t: Ticket) => t.category,
  subject: (t: Ticket) => t.subject,
} as const satisfies Partial<Record<ConditionField, (t: Ticket) => FieldValue>>;

/** The value a condition field has for a ticket. */
export function readField(ticket: Ticket, field: ConditionField, context: RuleContext = {}): FieldValue {
  if (field === 'customer_tags') return context.customerTags ?? [];
  if (field === 'sentiment_score') return context.sentimentScore ?? null;
  return TICKET_FIELDS[field](ticket);
}

const sameValue = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

/** Changed fields between two versions of a ticket (tags compared as sets). */
export function diffTicket(before: Ticket, after: Ticket): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, read] of Object.entries(TICKET_FIELDS) as Array<[ConditionField, (t: Ticket) => FieldValue]>) {
    let from = read(before);
    let to = read(after);
    if (field === 'tags') {
      from = [...(from as string[])].sort();
      to = [...(to as string[])].sort();
    }
    if (!sameValue(from, to)) changes[field] = { from, to };
  }
  return changes;
}

/** A new ticket: every field counts as changed from nothing to its value. */
export function creationChanges(ticket: Ticket): FieldChanges {
  const changes: FieldChanges = {};
  for (const [field, read] of Object.entries(TICKET_FIELDS) as Array<[ConditionField, (t: Ticket) => FieldValue]>) {
    changes[field] = { from: null, to: read(ticket) };
  }
  return changes;
}

const fold = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

/** Text and tags compare case-insensitively; enums and ids exactly. */
function normalizer(field: ConditionField): (v: unknown) => unknown {
  const kind = CONDITION_FIELD_SPECS[field].kind;
  return kind === 'text' || kind === 'set' ? fold : (v) => v;
}

function scalarIs(field: ConditionField, actual: FieldValue, expected: unknown): boolean {
  const norm = normalizer(field);
  return norm(actual) === norm(expected);
}

function rank(field: ConditionField, v: unknown): number | null {
  if (field === 'priority') return typeof v === 'string' ? PRIORITIES.indexOf(v as never) : null;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Whether one condition holds. `changes` are the event's changes (for `changed_to`). */
export function conditionHolds(condition: RuleCondition, ticket: Ticket, context: RuleContext = {}, changes: FieldChanges = {}): boolean {
  const { field, op, value } = condition;
  const actual = readField(ticket, field, context);
  const isSet = Array.isArray(actual);
  switch (op) {
    case 'is':
      return scalarIs(field, actual, value);
    case 'is_not':
      return !scalarIs(field, actual, value);
    case 'contains':
    case 'not_contains': {
      const needle = fold(value);
      const found = isSet
        ? (actual as readonly string[]).some((tag) => fold(tag) === needle)
        : typeof actual === 'string' && typeof needle === 'string' && actual.toLowerCase().includes(needle);
      return op === 'contains' ? found : !found;
    }
    case 'in': {
      const norm = normalizer(field);
      const list = (Array.isArray(value) ? value : []).map(norm);
      return isSet ? (actual as readonly string[]).some((tag) => list.includes(norm(tag))) : list.includes(norm(actual));
    }
    case 'gt':
    case 'lt': {
      const a = rank(field, actual);
      const b = rank(field, value);
      if (a === null || b === null) return false;
      return op === 'gt' ? a > b : a < b;
    }
    case 'changed_to': {
      const change = changes[field];
      return change !== undefined && scalarIs(field, change.to, value);
    }
  }
}

/** Per-condition outcome, for explanations. */
export interface ConditionOutcome {
  index: number;
  condition: RuleCondition;
  actual: FieldValue;
  matched: boolean;
}

/** Evaluates a rule's conditions (`all` / `any`; no conditions always match), condition by condition. */
export function evaluateConditions(
  conditions: RuleConditions,
  ticket: Ticket,
  context: RuleContext = {},
  changes: FieldChanges = {},
): { matched: boolean; items: ConditionOutcome[] } {
  const items = conditions.items.map((condition, index) => ({
    index,
    condition,
    actual: readField(ticket, condition.field, context),
    matched: conditionHolds(condition, ticket, context, changes),
  }));
  if (items.length === 0) return { matched: true, items };
  const matched = conditions.match === 'all' ? items.every((i) => i.matched) : items.some((i) => i.matched);
  return { matched, items };
}
