import type { AutomationRule, RuleCondition } from '../../../shared/schemas/automation';
import type { Ticket } from '../../../shared/schemas/ticket';
import { applyAction, type SideEffect } from './rule-actions';
import { diffTicket, evaluateConditions, type FieldChanges, type FieldValue, type RuleContext } from './rule-conditions';
import type { AppliedAction } from './rules-evaluator';

export interface ConditionExplanation {
  index: number;
  condition: RuleCondition;
  actual: FieldValue;
  matched: boolean;
  /** One line for the admin screen, e.g. `status is "open", expected is "pending"`. */
  explanation: string;
}

export interface RuleDryRun {
  enabled: boolean;
  match: 'all' | 'any';
  conditionsMatched: boolean;
  /** Enabled and the conditions match (the trigger is assumed to have happened). */
  wouldFire: boolean;
  conditions: ConditionExplanation[];
  /** What the actions would do to the sample when the rule fires. */
  preview: { ticket: Ticket; changes: FieldChanges; actions: AppliedAction[]; sideEffects: SideEffect[] };
}

export interface DryRunOptions {
  context?: RuleContext;
  /** The sample's previous version, for `changed_to` conditions. */
  previous?: Ticket;
  /** Time for status moves in the preview; defaults to the sample's `updatedAt`. */
  now?: Date;
}

const show = (v: unknown) => JSON.stringify(v);

function explain(c: RuleCondition, actual: FieldValue, matched: boolean, hasPrevious: boolean): string {
  if (c.op === 'changed_to' && !hasPrevious) return `${c.field} changed_to ${show(c.value)}: needs a previous version of the ticket to compare`;
  const verdict = matched ? 'matches' : 'does not match';
  return `${c.field} is ${show(actual)}: ${verdict} "${c.op} ${show(c.value)}"`;
}

/**
 * A dry run of one rule on a sample ticket, for the admin screen: which conditions hold and why,
 * whether the rule would fire, and what its actions would do. Nothing is saved or sent.
 */
export function testRule(rule: AutomationRule, sample: Ticket, options: DryRunOptions = {}): RuleDryRun {
  const changes = options.previous ? diffTicket(options.previous, sample) : {};
  const evaluated = evaluateConditions(rule.conditions, sample, options.context ?? {}, changes);
  const now = options.now ?? new Date(sample.updatedAt);
  let ticket = sample;
  const actions: AppliedAction[] = [];
  const sideEffects: SideEffect[] = [];
  for (const action of rule.actions) {
    const outcome = applyAction(ticket, action, now);
    ticket = outcome.ticket;
    actions.push({ ruleId: rule.id, ruleName: rule.name, action, changed: outcome.changed, skipped: outcome.skipped });
    if (outcome.sideEffect) sideEffects.push({ ...outcome.sideEffect, ruleId: rule.id, ruleName: rule.name });
  }
  return {
    enabled: rule.enabled,
    match: rule.conditions.match,
    conditionsMatched: evaluated.matched,
    wouldFire: rule.enabled && evaluated.matched,
    conditions: evaluated.items.map((i) => ({ ...i, explanation: explain(i.condition, i.actual, i.matched, options.previous !== undefined) })),
    preview: { ticket, changes: diffTicket(sample, ticket), actions, sideEffects },
  };
}
