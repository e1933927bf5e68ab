import { CallEventSchema, TERMINAL_CALL_STATES, type CallEvent } from '../../../shared/schemas/call-event';
import type { CallTimes, Customer, Interaction, User } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import { SYSTEM_ACTOR, type Actor, type AuditService } from '../audit/audit.service';
import { maskCustomer, type Customer360Service } from '../customers/customer-360.service';
import type { DomainEvents } from '../events';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { newId } from '../shared/ids';
import type { UsersService } from '../users/users.service';
import { noPreparation, type TicketPreparer } from '../tickets/ticket-preparer';
import { callerCandidates } from './caller-match';
import type { ScreenPop } from './screen-pop';

export interface CtiOptions {
  /** The operation's DDD, for ANIs delivered without one. */
  defaultDdd?: string | null;
  /** IVR variable holding a CPF typed by the caller. */
  cpfVariable?: string;
}

const callKey = (callId: string) => `call:${callId}`;

/**
 * Turns normalized call events (AMI, webhook, simulator) into call interactions, screen pops and
 * agent states. Events are handled one at a time in arrival order; each is idempotent (a repeated
 * or late event never records twice), and events of calls never seen before a terminal state are
 * ignored. The screen pop is published before the write so it reaches the agent at ring time.
 */
export class CtiService {
  private queue: Promise<unknown> = Promise.resolve();
  /** Calls already popped to an extension (`callId@extension`), oldest first, bounded. */
  private readonly popped = new Set<string>();
  private readonly cpfVariable: string;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly bus: EventBus<DomainEvents>,
    private readonly users: UsersService,
    private readonly customer360: Customer360Service,
    private readonly options: CtiOptions = {},
    private readonly prepare: TicketPreparer = noPreparation,
  ) {
    this.cpfVariable = options.cpfVariable ?? 'cpf';
  }

  /** Queues one event (validated); resolves when it is recorded. Malformed events are refused. */
  handle(raw: unknown): Promise<{ ok: true } | { ok: false; reason: string }> {
    const parsed = CallEventSchema.safeParse(raw);
    if (!parsed.success) return Promise.resolve({ ok: false, reason: parsed.error.issues[0]?.message ?? 'invalid call event' });
    // The pop goes out now, not after the writes queued before it: the agent sees the caller at ring time.
    this.popIfRinging(parsed.data);
    const run = this.queue.then(() => this.apply(parsed.data)).then(() => ({ ok: true as const }));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Customers the caller may be: by phone in any format, then by the CPF typed in the IVR. */
  matchCaller(ani: string | null, ivr: Record<string, string>): { matchedBy: ScreenPop['matchedBy']; customers: Customer[] } {
    const seen = new Map<string, Customer>();
    for (const candidate of callerCandidates(ani, { defaultDdd: this.options.defaultDdd ?? null })) {
      for (const c of this.store.customers.byIndex('phone', candidate)) if (!c.mergedInto) seen.set(c.id, c);
    }
    if (seen.size > 0) return { matchedBy: 'phone', customers: [...seen.values()] };
    const cpf = (ivr[this.cpfVariable] ?? ivr[this.cpfVariable.toUpperCase()] ?? '').replace(/\D/g, '');
    if (cpf.length === 11) {
      const byCpf = this.store.customers.byIndex('cpf', cpf).filter((c) => !c.mergedInto);
      if (byCpf.length > 0) return { matchedBy: 'cpf', customers: byCpf };
    }
    return { matchedBy: null, customers: [] };
  }

  /** The call interaction of `callId`, if any. */
  call(callId: string): Interaction | undefined {
    return this.store.interactions.byIndex('externalId', callKey(callId))[0];
  }

  /**
   * After-call work: disposition, notes, the ticket it belongs to (existing, or a new one) and
   * whether it was resolved on this call (FCR). The wrap-up time runs from hang-up to now.
   */
  async wrapUp(
    agent: Pick<User, 'id' | 'displayName'>,
    input: { callId: string; disposition: string; notes: string; resolvedOnCall: boolean; ticketId?: string | null; newTicketSubject?: string | null; customerId?: string | null },
  ): Promise<{ ok: true; interaction: Interaction; ticketId: string | null } | { ok: false; reason: 'not_found' | 'not_ended' | 'already_wrapped_up' | 'not_your_call' | 'unknown_customer' | 'customer_required' }> {
    const call = this.call(input.callId);
    if (!call?.call) return { ok: false, reason: 'not_found' };
    if (call.authorId && call.authorId !== agent.id) return { ok: false, reason: 'not_your_call' };
    if (!call.call.endedAt) return { ok: false, reason: 'not_ended' };
    if (call.call.wrapUp) return { ok: false, reason: 'already_wrapped_up' };
    const customerId = input.customerId ?? call.customerId;
    if (customerId && !this.store.customers.get(customerId)) return { ok: false, reason: 'unknown_customer' };
    if (input.newTicketSubject && !customerId) return { ok: false, reason: 'customer_required' };
    const now = this.clock.now();
    const actor: Actor = { id: agent.id, name: agent.displayName };
    let ticketId = input.ticketId ?? null;
    const saved = await this.store.write((tx) => {
      if (!ticketId && input.newTicketSubject && customerId) {
        const iso = now.toISOString();
        const agentUser = this.store.users.get(agent.id);
        const t = tx.put('tickets', this.prepare({
          id: newId('tkt'),
          createdAt: call.createdAt,
          updatedAt: iso,
          version: 0,
          number: tx.nextSequence('ticket'),
          subject: input.newTicketSubject,
          channel: 'phone',
          status: input.resolvedOnCall ? 'solved' : 'open',
          priority: 'normal',
          category: null,
          tags: [],
          requesterId: customerId,
          assigneeId: agent.id,
          teamId: agentUser?.teamIds[0] ?? null,
          externalThreadId: null,
          sla: { policyId: null, firstResponseDueAt: null, resolutionDueAt: null, firstResponseAt: call.call?.answeredAt ?? iso, pausedSeconds: 0, pausedSince: null },
          solvedAt: input.resolvedOnCall ? iso : null,
          closedAt: null,
          reopenCount: 0,
          mergedInto: null,
          tier: 1,
        }, null, tx));
        this.audit.record(tx, { actor, action: 'ticket.create', entity: 'ticket', entityId: t.id, changes: { status: [null, t.status] }, reason: `call ${input.callId}` });
        ticketId = t.id;
      }
      const endedAt = Date.parse(call.call?.endedAt ?? now.toISOString());
      const wrapUp = { endedAt: now.toISOString(), seconds: Math.max(0, (now.getTime() - endedAt) / 1000), disposition: input.disposition, notes: input.notes, resolvedOnCall: input.resolvedOnCall };
      const next = tx.put('interactions', { ...call, ticketId: ticketId ?? call.ticketId, customerId: customerId ?? null, body: input.notes || call.body, updatedAt: now.toISOString(), call: { ...(call.call as CallTimes), wrapUp } });
      this.audit.record(tx, { actor, action: 'call.wrap_up', entity: 'interaction', entityId: call.id, changes: { disposition: [null, input.disposition], resolvedOnCall: [null, input.resolvedOnCall] } });
      return next;
    });
    if (ticketId) this.bus.publish('ticketChanged', { ticketId, kind: input.ticketId ? 'updated' : 'created', teamId: null, assigneeId: agent.id });
    if (customerId) this.bus.publish('customerChanged', { customerId });
    this.bus.publish('callChanged', { callId: input.callId, agentId: agent.id, state: 'ended', customerId: customerId ?? null, at: now.toISOString() });
    if (this.store.users.get(agent.id)?.state === 'wrap_up') await this.users.setState(agent.id, 'available', null, SYSTEM_ACTOR);
    return { ok: true, interaction: saved, ticketId };
  }

  /** Click-to-dial (`tel:`/`callto:` links): logs an outbound call to `number`. */
  async logOutboundCall(agent: Pick<User, 'id' | 'displayName' | 'extension'>, number: string, customerId: string | null): Promise<Interaction> {
    const now = this.clock.now().toISOString();
    const customer = customerId ? this.store.customers.get(customerId) : this.matchCaller(number, {}).customers[0];
    return this.store.write((tx) =>
      tx.put('interactions', {
        id: newId('int'),
        createdAt: now,
        updatedAt: now,
        version: 0,
        kind: 'call',
        direction: 'outbound',
        channel: 'phone',
        ticketId: null,
        customerId: customer?.id ?? null,
        authorId: agent.id,
        authorName: agent.displayName,
        body: '',
        bodyFormat: 'text',
        attachments: [],
        externalId: callKey(newId('dial')),
        workSeconds: 0,
        call: { ...emptyTimes(`dial:${now}`), ani: agent.extension, dnis: number, extension: agent.extension, ringingAt: now },
        event: null,
      }),
    );
  }

  private async apply(e: CallEvent): Promise<void> {
    const existing = this.call(e.callId);
    if (!existing && TERMINAL_CALL_STATES.has(e.state) && e.state !== 'abandoned') return; // a hang-up for a call never seen
    if (existing?.call && (existing.call.endedAt || existing.call.abandonedAt) && e.state !== 'ended') return; // late event after the end
    const agent = e.extension ? this.store.users.byIndex('extension', e.extension)[0] : undefined;
    const times: CallTimes = existing?.call ?? { ...emptyTimes(e.callId), ani: e.ani, dnis: e.dnis, queue: e.queue };
    const next = advance(times, e, agent);
    if (existing && JSON.stringify(next) === JSON.stringify(existing.call) && (!agent || existing.authorId === agent.id)) return; // duplicate

    let customerId = existing?.customerId ?? null;
    if (!customerId) {
      const match = this.matchCaller(e.ani, e.ivr);
      if (match.customers.length === 1) customerId = match.customers[0]?.id ?? null;
    }

    const now = e.at;
    await this.store.write((tx) => {
      tx.put('interactions', {
        id: existing?.id ?? newId('int'),
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
        version: existing?.version ?? 0,
        kind: 'call',
        direction: 'inbound',
        channel: 'phone',
        ticketId: existing?.ticketId ?? null,
        customerId,
        authorId: agent?.id ?? existing?.authorId ?? null,
        authorName: agent?.displayName ?? existing?.authorName ?? 'system',
        body: existing?.body ?? '',
        bodyFormat: 'text',
        attachments: [],
        externalId: callKey(e.callId),
        workSeconds: 0,
        call: next,
        event: null,
      });
    });
    const agentId = agent?.id ?? existing?.authorId ?? null;
    if (agentId) {
      this.bus.publish('callChanged', { callId: e.callId, agentId, state: e.state, customerId, at: e.at });
      const state = e.state === 'answered' || e.state === 'unheld' || e.state === 'held' ? 'in_call' : e.state === 'ended' && next.answeredAt ? 'wrap_up' : null;
      const user = this.store.users.get(agentId);
      if (state && user && user.state !== state) await this.users.setState(agentId, state, null, SYSTEM_ACTOR);
    }
    this.bus.publish('callsChanged', { callId: e.callId, state: e.state });
  }

  /** Publishes the screen pop for a ringing event at once (once per call and extension). */
  private popIfRinging(e: CallEvent): void {
    if (e.state !== 'ringing' || !e.extension) return;
    const agent = this.store.users.byIndex('extension', e.extension)[0];
    const key = `${e.callId}@${e.extension}`;
    if (!agent || this.popped.has(key)) return;
    const existing = this.call(e.callId);
    if (existing?.call?.answeredAt || existing?.call?.endedAt) return;
    this.popped.add(key);
    if (this.popped.size > 10_000) this.popped.delete(this.popped.values().next().value as string);
    const known = existing?.customerId ? this.store.customers.get(existing.customerId) : undefined;
    this.publishPop(e, agent, known ? { matchedBy: 'phone', customers: [known] } : this.matchCaller(e.ani, e.ivr));
  }

  private publishPop(e: CallEvent, agent: User, match: { matchedBy: ScreenPop['matchedBy']; customers: Customer[] }): void {
    const only = match.customers.length === 1 ? match.customers[0] : undefined;
    const pop: ScreenPop = {
      callId: e.callId,
      ani: e.ani,
      dnis: e.dnis,
      queue: e.queue,
      extension: agent.extension ?? '',
      ivr: e.ivr,
      at: e.at,
      matchedBy: match.matchedBy,
      matches: match.customers.slice(0, 10).map(maskCustomer),
      view: only ? this.customer360.view(only.id) : null,
    };
    this.bus.publish('screenPop', { agentId: agent.id, pop });
  }
}

function emptyTimes(callId: string): CallTimes {
  return { callId, queue: null, ani: null, dnis: null, extension: null, queuedAt: null, ringingAt: null, answeredAt: null, endedAt: null, abandonedAt: null, holdSeconds: 0, holdStartedAt: null, wrapUp: null };
}

/** The call's times after event `e`; earlier-set times are kept (a repeated event changes nothing). */
function advance(t: CallTimes, e: CallEvent, agent: User | undefined): CallTimes {
  const at = e.at;
  const next: CallTimes = { ...t, ani: t.ani ?? e.ani, dnis: t.dnis ?? e.dnis, queue: t.queue ?? e.queue, extension: agent?.extension ?? e.extension ?? t.extension };
  switch (e.state) {
    case 'queued':
      next.queuedAt ??= at;
      break;
    case 'ringing':
    case 'transferred':
      next.queuedAt ??= at;
      next.ringingAt ??= at;
      break;
    case 'answered':
      next.ringingAt ??= at;
      next.answeredAt ??= at;
      break;
    case 'held':
      next.holdStartedAt ??= at;
      break;
    case 'unheld':
      if (t.holdStartedAt) next.holdSeconds = t.holdSeconds + Math.max(0, (Date.parse(at) - Date.parse(t.holdStartedAt)) / 1000);
      next.holdStartedAt = null;
      break;
    case 'ended':
      if (t.holdStartedAt) next.holdSeconds = t.holdSeconds + Math.max(0, (Date.parse(at) - Date.parse(t.holdStartedAt)) / 1000);
      next.holdStartedAt = null;
      next.endedAt ??= at;
      if (!t.answeredAt) next.abandonedAt ??= at;
      break;
    case 'abandoned':
      next.queuedAt ??= at;
      next.abandonedAt ??= at;
      next.endedAt ??= at;
      break;
  }
  return next;
}
