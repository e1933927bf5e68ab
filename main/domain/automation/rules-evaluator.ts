import type { AutomationRule, RuleAction, RuleEventType, RuleTrigger } from '../../../shared/schemas/automation';
import type { Ticket } from '../../../shared/schemas/ticket';
import { applyAction, type SideEffect } from './rule-actions';
import { creationChanges, diffTicket, evaluateConditions, type FieldChanges, type RuleContext } from './rule-conditions';

/** What happened to the ticket. `ticket` is its state after the event. */
export type AutomationEvent =
  | { type: 'ticket_created'; ticket: Ticket }
  | { type: 'ticket_updated'; ticket: Ticket; previous: Ticket }
  | { type: 'customer_replied'; ticket: Ticket }
  | { type: 'sla_warning' | 'sla_breached'; ticket: Ticket; target: 'first_response' | 'resolution' }
  /** A periodic check; `statusSince` is when the ticket entered its status, if the caller knows. */
  | { type: 'time_based'; ticket: Ticket; statusSince?: string };

export interface EvaluationContext extends RuleContext {
  now: Date;
  /** Most rule firings for one event, its chained changes included. Default 10. */
  maxFires?: number;
  /** Time-based rules that already fired for this ticket (the caller keeps them), so a reminder is sent once. */
  alreadyFiredRuleIds?: readonly string[];
}

export interface AppliedAction {
  ruleId: string;
  ruleName: string;
  action: RuleAction;
  changed: boolean;
  skipped: string | null;
}

export interface RuleFiring {
  ruleId: string;
  ruleName: string;
  /** 0 for the original event, n for a change made by a rule n links up the chain. */
  depth: number;
  /** The rule whose change this firing reacted to. */
  causedBy: string | null;
}

export interface EvaluationResult {
  /** The patched ticket copy, for the caller to save. */
  ticket: Ticket;
  changed: boolean;
  fired: RuleFiring[];
  actions: AppliedAction[];
  /** Replies, notes, notifications and surveys, in order, for the caller to carry out. */
  sideEffects: SideEffect[];
  /** Set when loop protection cut the chain. */
  halted: { reason: 'max_fires' | 'cycle'; ruleId: string } | null;
}

interface PendingEvent {
  type: RuleEventType;
  changes: FieldChanges;
  causedBy: string | null;
  depth: number;
  slaTarget: 'first_response' | 'resolution' | null;
  statusSince: string | null;
}

const MS_PER_HOUR = 3_600_000;
const PAUSED_STATUSES: readonly string[] = ['pending', 'on_hold'];

/** The ticket fields rules can change: two equal keys mean the ticket came back to an earlier state. */
function stateKey(t: Ticket): string {
  return JSON.stringify([t.status, t.priority, t.channel, t.teamId, t.assigneeId, t.category, t.subject, [...t.tags].sort()]);
}

function triggerMatches(trigger: RuleTrigger, ev: PendingEvent, ticket: Ticket, ctx: EvaluationContext): boolean {
  if (trigger.type !== ev.type) return false;
  if (trigger.type === 'sla_warning' || trigger.type === 'sla_breached') return trigger.target === 'any' || trigger.target === ev.slaTarget;
  if (trigger.type !== 'time_based') return true;
  if (ticket.status !== trigger.equals) return false;
  // Without a better source, a paused status started when the SLA pause did; others at the last update.
  const since = ev.statusSince ?? (PAUSED_STATUSES.includes(ticket.status) ? ticket.sla.pausedSince : null) ?? ticket.updatedAt;
  return ctx.now.getTime() - Date.parse(since) >= trigger.forHours * MS_PER_HOUR;
}

function initialEvent(event: AutomationEvent): PendingEvent {
  const changes =
    event.type === 'ticket_created' ? creationChanges(event.ticket) : event.type === 'ticket_updated' ? diffTicket(event.previous, event.ticket) : {};
  return {
    type: event.type,
    changes,
    causedBy: null,
    depth: 0,
    slaTarget: event.type === 'sla_warning' || event.type === 'sla_breached' ? event.target : null,
    statusSince: event.type === 'time_based' ? (event.statusSince ?? null) : null,
  };
}

/**
 * Runs the enabled rules, by `order`, on an event. Each matching rule applies its actions in order
 * to a copy of the ticket; conditions see the ticket as earlier rules left it, and `changed_to`
 * sees the event's own changes. A rule's changes are a new `ticket_updated` event, evaluated after
 * the current one, with these loop guards:
 * - a rule never reacts to a change it made itself;
 * - a change that brings the ticket back to a state already seen in this chain (two rules
 *   toggling a field) starts no further event (`halted.reason = 'cycle'`);
 * - at most `maxFires` firings per event in total (`halted.reason = 'max_fires'`).
 * Pure: returns the patched ticket and the side effects; the caller saves and executes them.
 */
export function evaluateRules(rules: readonly AutomationRule[], event: AutomationEvent, context: EvaluationContext): EvaluationResult {
  const ordered = rules.filter((r) => r.enabled).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const maxFires = context.maxFires ?? 10;
  const alreadyFired = new Set(context.alreadyFiredRuleIds ?? []);
  const result: EvaluationResult = { ticket: event.ticket, changed: false, fired: [], actions: [], sideEffects: [], halted: null };
  const seen = new Set([stateKey(event.ticket)]);
  const queue: PendingEvent[] = [initialEvent(event)];

  while (queue.length > 0 && result.halted?.reason !== 'max_fires') {
    const ev = queue.shift()!;
    for (const rule of ordered) {
      if (rule.id === ev.causedBy) continue;
      if (rule.trigger.type === 'time_based' && alreadyFired.has(rule.id)) continue;
      if (!triggerMatches(rule.trigger, ev, result.ticket, context)) continue;
      if (!evaluateConditions(rule.conditions, result.ticket, context, ev.changes).matched) continue;
      if (result.fired.length >= maxFires) {
        result.halted = { reason: 'max_fires', ruleId: rule.id };
        break;
      }
      result.fired.push({ ruleId: rule.id, ruleName: rule.name, depth: ev.depth, causedBy: ev.causedBy });
      const before = result.ticket;
      for (const action of rule.actions) {
        const outcome = applyAction(result.ticket, action, context.now);
        result.ticket = outcome.ticket;
        result.actions.push({ ruleId: rule.id, ruleName: rule.name, action, changed: outcome.changed, skipped: outcome.skipped });
        if (outcome.sideEffect) result.sideEffects.push({ ...outcome.sideEffect, ruleId: rule.id, ruleName: rule.name });
      }
      const changes = diffTicket(before, result.ticket);
      if (Object.keys(changes).length === 0) continue;
      const key = stateKey(result.ticket);
      if (seen.has(key)) {
        result.halted = { reason: 'cycle', ruleId: rule.id };
        continue;
      }
      seen.add(key);
      queue.push({ type: 'ticket_updated', changes, causedBy: rule.id, depth: ev.depth + 1, slaTarget: null, statusSince: null });
    }
  }
  // Changes that undo each other leave the original untouched (and its updatedAt alone).
  const comparable = (t: Ticket) => JSON.stringify({ ...t, updatedAt: null });
  result.changed = comparable(result.ticket) !== comparable(event.ticket);
  if (!result.changed) result.ticket = event.ticket;
  return result;
}
