import { AutomationRuleSchema, type AutomationRule } from '../../../shared/schemas/automation';
import type { Interaction, Ticket } from '../../../shared/schemas';
import type { Store, WriteTx } from '../../store/store';
import type { Actor, AuditService } from '../audit/audit.service';
import type { DomainEvents } from '../events';
import { renderMacroBody } from '../macros/macros.service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { newId } from '../shared/ids';
import type { SideEffect } from './rule-actions';
import { testRule, type RuleDryRun } from './rule-dry-run';
import { validateRule, type RuleIssue } from './rule-validation';
import { evaluateRules, type AutomationEvent, type EvaluationResult } from './rules-evaluator';

export const AUTOMATION_RULES_SETTING = 'automation.rules';

/**
 * Automation rules (store setting, validated on save, ordered) run inside the transaction that
 * stores a ticket: the rules' field changes land with it, every action is an audit event carrying
 * the rule's name, and replies/notes are written in the same transaction. Notifications go out
 * after the commit. Loop protection is the evaluator's: a rule never reacts to its own change and a
 * chain stops after 10 firings or on a repeated state.
 */
export class AutomationService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly bus: EventBus<DomainEvents>,
  ) {}

  rules(): AutomationRule[] {
    return [...(this.store.getSetting<AutomationRule[]>(AUTOMATION_RULES_SETTING) ?? [])].sort((a, b) => a.order - b.order);
  }

  async save(input: unknown, actor: Actor): Promise<{ ok: true; rule: AutomationRule } | { ok: false; issues: RuleIssue[] }> {
    const draft = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
    // A new rule gets an id and goes last unless an order is given.
    const lastOrder = this.rules().reduce((max, r) => Math.max(max, r.order), 0);
    const checked = validateRule({ ...draft, id: draft.id ?? newId('rul'), order: draft.order ?? lastOrder + 10 });
    if (!checked.ok) return checked;
    const rule = checked.rule;
    const next = [...this.rules().filter((r) => r.id !== rule.id), rule];
    await this.store.write((tx) => {
      tx.setSetting(AUTOMATION_RULES_SETTING, next);
      this.audit.record(tx, { actor, action: 'automation.rule_save', entity: 'rule', entityId: rule.id, changes: { name: [null, rule.name], enabled: [null, rule.enabled] } });
    });
    return { ok: true, rule };
  }

  async remove(id: string, actor: Actor): Promise<boolean> {
    const current = this.rules();
    if (!current.some((r) => r.id === id)) return false;
    await this.store.write((tx) => {
      tx.setSetting(AUTOMATION_RULES_SETTING, current.filter((r) => r.id !== id));
      this.audit.record(tx, { actor, action: 'automation.rule_delete', entity: 'rule', entityId: id });
    });
    return true;
  }

  /** Reorders rules: `ids` first to last (rules not listed keep their place after them). */
  async reorder(ids: readonly string[], actor: Actor): Promise<AutomationRule[]> {
    const current = this.rules();
    const ordered = [...ids.map((id) => current.find((r) => r.id === id)).filter((r): r is AutomationRule => Boolean(r)), ...current.filter((r) => !ids.includes(r.id))];
    const next = ordered.map((r, i) => ({ ...r, order: (i + 1) * 10 }));
    await this.store.write((tx) => {
      tx.setSetting(AUTOMATION_RULES_SETTING, next);
      this.audit.record(tx, { actor, action: 'automation.rules_reorder', entity: 'rule', entityId: null });
    });
    return next;
  }

  /** A dry run of a rule (saved or not) against a ticket: which conditions held, what would change. */
  test(input: unknown, ticketId: string): { ok: true; result: RuleDryRun } | { ok: false; issues: RuleIssue[] } | { ok: false; reason: 'not_found' } {
    const ticket = this.store.tickets.get(ticketId);
    if (!ticket) return { ok: false, reason: 'not_found' };
    const draft = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
    // A rule being edited may not be saved yet: give it a placeholder id and order.
    const parsed = AutomationRuleSchema.safeParse({ ...draft, id: draft.id ?? 'rul_test', order: draft.order ?? 0 });
    if (!parsed.success) return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) };
    const customerTags = this.store.customers.get(ticket.requesterId)?.tags ?? [];
    return { ok: true, result: testRule(parsed.data, ticket, { context: { customerTags }, now: this.clock.now() }) };
  }

  /**
   * Runs the enabled rules for a ticket being stored (`previous` null: created) inside `tx`:
   * returns the patched ticket; records audit events and writes replies/notes in `tx`.
   */
  applyInTx(next: Ticket, previous: Ticket | null, tx: WriteTx): Ticket {
    const event: AutomationEvent = previous ? { type: 'ticket_updated', ticket: next, previous } : { type: 'ticket_created', ticket: next };
    return this.run(event, tx);
  }

  /** Runs rules for an event that is not a field change (customer replied, SLA warning/breach, time-based). */
  async handle(event: AutomationEvent, alreadyFiredRuleIds: readonly string[] = []): Promise<void> {
    const rules = this.rules().filter((r) => r.enabled && r.trigger.type === event.type);
    if (rules.length === 0) return;
    const current = this.store.tickets.get(event.ticket.id);
    if (!current) return;
    await this.store.write((tx) => {
      const patched = this.run({ ...event, ticket: current } as AutomationEvent, tx, alreadyFiredRuleIds);
      if (patched !== current) tx.put('tickets', { ...patched, updatedAt: this.clock.now().toISOString() }, current.version);
    });
    this.bus.publish('ticketChanged', { ticketId: current.id, kind: 'updated', teamId: current.teamId, assigneeId: current.assigneeId });
  }

  private run(event: AutomationEvent, tx: WriteTx, alreadyFiredRuleIds: readonly string[] = []): Ticket {
    const rules = this.rules().filter((r) => r.enabled);
    if (rules.length === 0) return event.ticket;
    const now = this.clock.now();
    const customerTags = this.store.customers.get(event.ticket.requesterId)?.tags ?? [];
    const result = evaluateRules(rules, event, { now, customerTags, sentimentScore: this.lastSentiment(event.ticket.id), alreadyFiredRuleIds });
    if (result.fired.length === 0) return event.ticket;
    this.record(result, event.ticket, tx, now);
    return result.changed ? result.ticket : event.ticket;
  }

  /** Audit events (one per action taken, with the rule's name) and the side effects that write. */
  private record(result: EvaluationResult, ticket: Ticket, tx: WriteTx, now: Date): void {
    for (const a of result.actions) {
      if (!a.changed && !a.skipped && !isSideEffect(a.action.type)) continue;
      this.audit.record(tx, {
        actor: { id: null, name: `automation: ${a.ruleName}` },
        action: `automation.${a.action.type}`,
        entity: 'ticket',
        entityId: ticket.id,
        changes: { action: [null, a.action] },
        reason: a.skipped ? `skipped: ${a.skipped}` : a.ruleName,
      });
    }
    for (const effect of result.sideEffects) this.sideEffect(effect, result.ticket, tx, now);
  }

  private sideEffect(effect: SideEffect, ticket: Ticket, tx: WriteTx, now: Date): void {
    const author = { authorId: null, authorName: `automation: ${effect.ruleName}` };
    const message = (kind: Interaction['kind'], direction: Interaction['direction'], body: string): Interaction => ({
      id: newId('int'),
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 0,
      kind,
      direction,
      channel: ticket.channel,
      ticketId: ticket.id,
      customerId: ticket.requesterId,
      ...author,
      body,
      bodyFormat: 'text',
      attachments: [],
      externalId: null,
      workSeconds: 0,
      call: null,
      event: null,
    });
    if (effect.type === 'add_note') {
      tx.put('interactions', message('note', 'internal', effect.text));
    } else if (effect.type === 'reply_macro') {
      const macro = this.store.macros.get(effect.macroId);
      if (!macro) return;
      const body = renderMacroBody(macro.body, { ticket, customer: this.store.customers.get(ticket.requesterId), agent: { displayName: 'Atende' } });
      const reply = tx.put('interactions', message('message', 'outbound', body));
      this.afterCommit(() => this.bus.publish('agentReply', { ticketId: ticket.id, interactionId: reply.id }));
    } else if (effect.type === 'notify_users') {
      const userIds = effect.userIds;
      this.afterCommit(() => this.bus.publish('notification', { userIds, ticketId: ticket.id, ruleName: effect.ruleName }));
    } else {
      this.afterCommit(() => this.bus.publish('surveyRequested', { ticketId: ticket.id, kind: 'csat' }));
    }
  }

  /** Runs `fn` once the current transaction is durable. */
  private afterCommit(fn: () => void): void {
    const off = this.store.onCommit(() => {
      off();
      fn();
    });
  }

  private lastSentiment(ticketId: string): number | null {
    const inbound = this.store.interactions.byIndex('ticket', ticketId).filter((i) => i.direction === 'inbound');
    const latest = inbound.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] as (Interaction & { sentiment?: { score: number } | null }) | undefined;
    return latest?.sentiment?.score ?? null;
  }
}

function isSideEffect(type: string): boolean {
  return type === 'reply_macro' || type === 'add_note' || type === 'notify_users' || type === 'send_csat';
}
