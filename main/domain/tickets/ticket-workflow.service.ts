import type { Interaction, Priority, Ticket, TicketStatus } from '../../../shared/schemas';
import type { Store, WriteTx } from '../../store/store';
import { diffFields, type Actor, type AuditService } from '../audit/audit.service';
import type { DomainEvents } from '../events';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { newId } from '../shared/ids';
import { noPreparation, type TicketPreparer } from './ticket-preparer';
import { applyStatus, canTransition } from './ticket-status';

export type WorkflowFailure =
  | 'not_found'
  | 'version_conflict'
  | 'invalid_transition'
  | 'already_assigned'
  | 'unknown_user'
  | 'unknown_team'
  | 'reason_required'
  | 'same_ticket'
  | 'ticket_closed';

export type WorkflowResult = { ok: true; ticket: Ticket } | { ok: false; reason: WorkflowFailure };

export interface TicketFieldsPatch {
  status?: TicketStatus;
  priority?: Priority;
  category?: string | null;
  tags?: string[];
  assigneeId?: string | null;
  teamId?: string | null;
}

const AUDITED_FIELDS = ['status', 'priority', 'category', 'tags', 'assigneeId', 'teamId', 'tier', 'mergedInto'] as const;

/**
 * Changes to existing tickets: fields and status, replies and notes, take/assign, escalation and
 * merge. Every change checks the version the agent saw (so two agents never silently overwrite
 * each other), writes an audit event and a timeline event in the same transaction.
 */
export class TicketWorkflowService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly bus: EventBus<DomainEvents>,
    private readonly prepare: TicketPreparer = noPreparation,
  ) {}

  /** Updates fields; `version` is the version the caller last saw. */
  async update(id: string, version: number, patch: TicketFieldsPatch, actor: Actor): Promise<WorkflowResult> {
    return this.change(id, version, actor, 'ticket.update', null, (t) => {
      if (patch.status && !canTransition(t.status, patch.status)) return 'invalid_transition';
      if (patch.assigneeId && !this.store.users.get(patch.assigneeId)) return 'unknown_user';
      if (patch.teamId && !this.store.teams.get(patch.teamId)) return 'unknown_team';
      const base = patch.status && patch.status !== t.status ? applyStatus(t, patch.status, this.clock.now()) : t;
      const { status: _s, ...rest } = patch;
      return { ...base, ...rest, tags: patch.tags ? [...new Set(patch.tags)] : base.tags };
    });
  }

  /** Takes an unassigned ticket (atomic: a ticket someone else took first is refused). */
  async take(id: string, version: number, actor: Actor & { id: string }): Promise<WorkflowResult> {
    return this.change(id, version, actor, 'ticket.take', null, (t) => {
      if (t.assigneeId && t.assigneeId !== actor.id) return 'already_assigned';
      const opened = t.status === 'new' ? applyStatus(t, 'open', this.clock.now()) : t;
      return { ...opened, assigneeId: actor.id };
    });
  }

  /** Moves the ticket up a tier to another team; the reason is required, recorded and shown. */
  async escalate(id: string, version: number, teamId: string, reason: string, actor: Actor): Promise<WorkflowResult> {
    if (!reason.trim()) return { ok: false, reason: 'reason_required' };
    const team = this.store.teams.get(teamId);
    if (!team) return { ok: false, reason: 'unknown_team' };
    return this.change(id, version, actor, 'ticket.escalate', reason.trim(), (t) => ({
      ...t,
      teamId,
      tier: Math.max(t.tier, team.tier),
      assigneeId: null,
    }));
  }

  /** Merges `sourceId` into `targetId`: the source is closed and its timeline is shown on the target. */
  async merge(sourceId: string, sourceVersion: number, targetId: string, actor: Actor): Promise<WorkflowResult> {
    if (sourceId === targetId) return { ok: false, reason: 'same_ticket' };
    const target = this.store.tickets.get(targetId);
    if (!target) return { ok: false, reason: 'not_found' };
    if (target.status === 'closed') return { ok: false, reason: 'ticket_closed' };
    return this.change(sourceId, sourceVersion, actor, 'ticket.merge', `#${target.number}`, (t) => {
      const closed = t.status === 'closed' ? t : applyStatus(t.status === 'solved' ? t : applyStatus(t, 'solved', this.clock.now()), 'closed', this.clock.now());
      return { ...closed, mergedInto: target.id };
    });
  }

  /**
   * Adds an agent reply (public) or internal note. A public reply sets the first-response time;
   * `setStatus` lets the composer send and change status in one step.
   */
  async addMessage(
    id: string,
    version: number,
    input: {
      kind: 'reply' | 'note';
      body: string;
      workSeconds?: number;
      setStatus?: TicketStatus;
      /** A macro applied with the message: its field changes, recorded with its name. */
      macro?: { name: string; priority: Priority | null; addTags: readonly string[]; removeTags: readonly string[] };
    },
    actor: Actor,
  ): Promise<WorkflowResult & { interaction?: Interaction }> {
    let interaction: Interaction | undefined;
    const reason = input.macro ? `macro: ${input.macro.name}` : null;
    const result = await this.change(id, version, actor, input.kind === 'reply' ? 'ticket.reply' : 'ticket.note', reason, (t, tx, now) => {
      if (t.status === 'closed') return 'ticket_closed';
      if (input.setStatus && !canTransition(t.status, input.setStatus)) return 'invalid_transition';
      interaction = tx.put('interactions', {
        id: newId('int'),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        version: 0,
        kind: input.kind === 'reply' ? 'message' : 'note',
        direction: input.kind === 'reply' ? 'outbound' : 'internal',
        channel: t.channel,
        ticketId: t.id,
        customerId: t.requesterId,
        authorId: actor.id,
        authorName: actor.name,
        body: input.body,
        bodyFormat: 'text',
        attachments: [],
        externalId: null,
        workSeconds: input.workSeconds ?? 0,
        call: null,
        event: null,
      });
      let next = t;
      if (input.kind === 'reply' && !t.sla.firstResponseAt) next = { ...next, sla: { ...next.sla, firstResponseAt: now.toISOString() } };
      const status = input.setStatus ?? (input.kind === 'reply' && t.status === 'new' ? 'open' : undefined);
      if (status && status !== t.status) next = applyStatus(next, status, now);
      if (input.macro) {
        const removed = new Set(input.macro.removeTags);
        next = {
          ...next,
          priority: input.macro.priority ?? next.priority,
          tags: [...new Set([...next.tags.filter((tag) => !removed.has(tag)), ...input.macro.addTags])],
        };
      }
      return next;
    });
    if (result.ok && interaction && input.kind === 'reply') this.bus.publish('agentReply', { ticketId: id, interactionId: interaction.id });
    return result.ok ? { ...result, ...(interaction ? { interaction } : {}) } : result;
  }

  /** Interactions of a ticket (and of tickets merged into it), oldest first. */
  timeline(id: string): Interaction[] {
    const merged = [...this.store.tickets.byIndex('requester', this.store.tickets.get(id)?.requesterId ?? '')].filter((t) => t.mergedInto === id);
    const all = [id, ...merged.map((t) => t.id)].flatMap((tid) => this.store.interactions.byIndex('ticket', tid));
    return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || sameInstantRank(a) - sameInstantRank(b) || a.id.localeCompare(b.id));
  }

  /**
   * The shared shape of every change: load, check version, compute the next ticket (or a failure),
   * write it with an audit event and a timeline event for status changes, publish.
   */
  private async change(
    id: string,
    version: number,
    actor: Actor,
    action: string,
    reason: string | null,
    compute: (t: Ticket, tx: WriteTx, now: Date) => Ticket | WorkflowFailure,
  ): Promise<WorkflowResult> {
    const current = this.store.tickets.get(id);
    if (!current) return { ok: false, reason: 'not_found' };
    if (current.version !== version) return { ok: false, reason: 'version_conflict' };
    let failure: WorkflowFailure | null = null;
    const saved = await this.store.write((tx) => {
      const now = this.clock.now();
      const next = compute(current, tx, now);
      if (typeof next === 'string') {
        failure = next;
        throw new WorkflowAbort();
      }
      const stored = tx.put('tickets', this.prepare({ ...next, updatedAt: now.toISOString() }, current, tx), version);
      const changes = diffFields(current, stored, AUDITED_FIELDS);
      this.audit.record(tx, { actor, action, entity: 'ticket', entityId: id, changes, reason });
      for (const field of ['status', 'priority', 'assigneeId', 'teamId'] as const) {
        if (current[field] === stored[field]) continue;
        tx.put('interactions', {
          id: newId('int'),
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
          version: 0,
          kind: 'event',
          direction: 'internal',
          channel: stored.channel,
          ticketId: id,
          customerId: stored.requesterId,
          authorId: actor.id,
          authorName: actor.name,
          body: reason ?? '',
          bodyFormat: 'text',
          attachments: [],
          externalId: null,
          workSeconds: 0,
          call: null,
          event: { type: field === 'teamId' && action === 'ticket.escalate' ? 'escalated' : field, from: current[field], to: stored[field] },
        });
      }
      return stored;
    }).catch((err: unknown) => {
      if (err instanceof WorkflowAbort) return null;
      if (err instanceof Error && err.name === 'VersionConflictError') {
        failure = 'version_conflict';
        return null;
      }
      throw err;
    });
    if (!saved) return { ok: false, reason: failure ?? 'version_conflict' };
    this.bus.publish('ticketChanged', { ticketId: id, kind: 'updated', teamId: saved.teamId, assigneeId: saved.assigneeId });
    return { ok: true, ticket: saved };
  }
}

class WorkflowAbort extends Error {}

const EVENT_ORDER = ['status', 'priority', 'assigneeId', 'teamId', 'escalated'];

/** Entries written in one transaction share a timestamp: show the message first, then events in field order. */
function sameInstantRank(i: Interaction): number {
  if (i.kind !== 'event') return 0;
  return 1 + Math.max(0, EVENT_ORDER.indexOf(i.event?.type ?? ''));
}
