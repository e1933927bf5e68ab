import { TicketCreateInputSchema, type Priority, type Ticket, type TicketCreateInput, type TicketStatus } from '../../../shared/schemas';
import type { Store } from '../../store/store';
import type { Actor, AuditService } from '../audit/audit.service';
import type { DomainEvents } from '../events';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { newId } from '../shared/ids';
import { noPreparation, type TicketPreparer } from './ticket-preparer';

/** One queue line: what an agent needs to pick the next ticket, without loading it. */
export interface TicketRow {
  id: string;
  version: number;
  number: number;
  subject: string;
  channel: Ticket['channel'];
  status: TicketStatus;
  priority: Priority;
  tags: string[];
  customerId: string;
  customerName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  teamId: string | null;
  teamName: string | null;
  /** The next SLA target that can still be missed, and when its clock started (for the colour). */
  slaDueAt: string | null;
  slaStartedAt: string;
  /** SLA clock paused (pending / on hold). */
  slaPaused: boolean;
  createdAt: string;
  updatedAt: string;
}

const PRIORITY_RANK: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/** The next SLA target that can still be missed: first response until answered, then resolution. */
export function slaDueAt(t: Ticket): string | null {
  if (!t.sla.firstResponseAt && t.sla.firstResponseDueAt) return t.sla.firstResponseDueAt;
  return t.sla.resolutionDueAt;
}

/** Queue order: SLA urgency (earliest due first, none last), then priority, then age (oldest first). */
export function compareQueue(a: Ticket, b: Ticket): number {
  const da = slaDueAt(a);
  const db = slaDueAt(b);
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    if (da < db) return -1;
    if (da > db) return 1;
  }
  // ISO instants compare as plain strings (localeCompare would be both slower and locale-dependent).
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) || a.number - b.number || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Tickets: creation, lookup and queue rows. */
export class TicketsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly bus: EventBus<DomainEvents>,
    private readonly prepare: TicketPreparer = noPreparation,
  ) {}

  get(id: string): Ticket | undefined {
    return this.store.tickets.get(id);
  }

  toRow(t: Ticket): TicketRow {
    return {
      id: t.id,
      version: t.version,
      number: t.number,
      subject: t.subject,
      channel: t.channel,
      status: t.status,
      priority: t.priority,
      tags: t.tags,
      customerId: t.requesterId,
      customerName: this.store.customers.get(t.requesterId)?.name ?? '—',
      assigneeId: t.assigneeId,
      assigneeName: t.assigneeId ? (this.store.users.get(t.assigneeId)?.displayName ?? null) : null,
      teamId: t.teamId,
      teamName: t.teamId ? (this.store.teams.get(t.teamId)?.name ?? null) : null,
      slaDueAt: slaDueAt(t),
      slaStartedAt: t.createdAt,
      slaPaused: t.sla.pausedSince !== null,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    };
  }

  /** Opens a ticket (status new) with an optional first customer message. */
  async create(raw: TicketCreateInput, actor: Actor): Promise<{ ok: true; ticket: Ticket } | { ok: false; reason: 'unknown_customer' | 'unknown_team' | 'unknown_assignee' }> {
    const input = TicketCreateInputSchema.parse(raw);
    const customer = this.store.customers.get(input.requesterId);
    if (!customer) return { ok: false, reason: 'unknown_customer' };
    if (input.teamId && !this.store.teams.get(input.teamId)) return { ok: false, reason: 'unknown_team' };
    if (input.assigneeId && !this.store.users.get(input.assigneeId)) return { ok: false, reason: 'unknown_assignee' };
    const now = this.clock.now().toISOString();
    const ticket = await this.store.write((tx) => {
      const t = tx.put('tickets', this.prepare({
        id: newId('tkt'),
        createdAt: now,
        updatedAt: now,
        version: 0,
        number: tx.nextSequence('ticket'),
        subject: input.subject,
        channel: input.channel,
        status: 'new',
        priority: input.priority,
        category: input.category,
        tags: input.tags,
        requesterId: customer.id,
        assigneeId: input.assigneeId,
        teamId: input.teamId,
        externalThreadId: null,
        sla: { policyId: null, firstResponseDueAt: null, resolutionDueAt: null, firstResponseAt: null, pausedSeconds: 0, pausedSince: null },
        solvedAt: null,
        closedAt: null,
        reopenCount: 0,
        mergedInto: null,
        tier: input.teamId ? (this.store.teams.get(input.teamId)?.tier ?? 1) : 1,
      }, null, tx));
      if (input.body) {
        tx.put('interactions', {
          id: newId('int'),
          createdAt: now,
          updatedAt: now,
          version: 0,
          kind: 'message',
          direction: 'inbound',
          channel: input.channel,
          ticketId: t.id,
          customerId: customer.id,
          authorId: null,
          authorName: customer.name,
          body: input.body,
          bodyFormat: 'text',
          attachments: [],
          externalId: null,
          workSeconds: 0,
          call: null,
          event: null,
        });
      }
      this.audit.record(tx, { actor, action: 'ticket.create', entity: 'ticket', entityId: t.id, changes: { status: [null, 'new'] } });
      return t;
    });
    this.bus.publish('ticketChanged', { ticketId: ticket.id, kind: 'created', teamId: ticket.teamId, assigneeId: ticket.assigneeId });
    return { ok: true, ticket };
  }
}
