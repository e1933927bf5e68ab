import { AutomationRuleSchema, type AutomationRule, type AutomationRuleInput } from '../../../shared/schemas/automation';
import type { Ticket } from '../../../shared/schemas/ticket';

export const T0 = '2026-11-23T12:00:00.000Z';

export function ticket(patch: Partial<Ticket> = {}): Ticket {
  return {
    id: 't1',
    createdAt: T0,
    updatedAt: T0,
    version: 1,
    number: 1042,
    subject: 'Boleto não chegou',
    channel: 'email',
    status: 'open',
    priority: 'normal',
    category: null,
    tags: [],
    requesterId: 'c1',
    assigneeId: null,
    teamId: null,
    externalThreadId: null,
    sla: { policyId: null, firstResponseDueAt: null, resolutionDueAt: null, firstResponseAt: null, pausedSeconds: 0, pausedSince: null },
    solvedAt: null,
    closedAt: null,
    reopenCount: 0,
    mergedInto: null,
    tier: 1,
    ...patch,
  };
}

/** A validated rule (so defaults apply exactly as on save). */
export function rule(input: Partial<AutomationRuleInput> & Pick<AutomationRuleInput, 'id' | 'trigger' | 'actions'>): AutomationRule {
  return AutomationRuleSchema.parse({ name: `Rule ${input.id}`, order: 0, ...input });
}
