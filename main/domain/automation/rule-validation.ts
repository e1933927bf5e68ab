import { AutomationRuleSchema, type AutomationRule } from '../../../shared/schemas/automation';

/** One problem of a rule being saved, addressed to its field (`conditions.items.2.value`). */
export interface RuleIssue {
  path: string;
  message: string;
}

export type RuleValidation = { ok: true; rule: AutomationRule } | { ok: false; issues: RuleIssue[] };

/** Validates a rule on save, returning every problem with the path of the field it concerns. */
export function validateRule(input: unknown): RuleValidation {
  const parsed = AutomationRuleSchema.safeParse(input);
  if (parsed.success) return { ok: true, rule: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}
