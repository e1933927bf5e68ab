import { normalizePhone } from '../../../shared/br/phone';
import { InboundMessageSchema, type Channel, type Customer, type InboundMessage, type InboundMessageInput, type IntakeResult, type Survey, type Ticket } from '../../../shared/schemas';
import type { Store, WriteTx } from '../../store/store';
import { SYSTEM_ACTOR, type AuditService } from '../audit/audit.service';
import type { DomainEvents } from '../events';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { newId } from '../shared/ids';
import type { TicketPreparer } from '../tickets/ticket-preparer';
import { applyStatus } from '../tickets/ticket-status';

/** Setting key: team that receives new tickets per channel (`{ whatsapp: 'team_x', … }`). */
export const INTAKE_TEAMS_SETTING = 'intake.teams';

const SUBJECT_MAX = 80;

/** Decides where a new ticket goes (routing and SLA plug in here). */
export interface IntakeHooks {
  /** Applied to a new ticket before it is stored (routing: team, agent…). */
  prepareNewTicket?(ticket: Ticket, customer: Customer, tx: WriteTx): Ticket;
  /** Applied to every ticket intake stores (SLA due times, pause clock). */
  prepare?: TicketPreparer;
  /** Survey answers typed into the conversation of a solved ticket (see SurveysService). */
  surveys?: {
    replyAnswer(ticket: Ticket, text: string): { survey: Survey; score: number; comment: string | null } | null;
    recordAnswer(tx: WriteTx, survey: Survey, score: number, comment: string | null, now: string, via: Channel): { survey: Survey };
  };
}

/**
 * Every inbound customer message (chat, WhatsApp, social, web form, e-mail) enters here: the
 * customer is matched by phone, e-mail or handle (or created), the message threads into the open
 * ticket of its conversation (a solved one is reopened; a closed one gets a follow-up ticket) or
 * opens a new ticket. A message that is only a score ("5", "nota 4 - ótimo") on the conversation of
 * a solved or closed ticket with an open survey answers that survey instead (the ticket stays as
 * it is; the message is kept in its timeline). Idempotent on the channel's message id; one
 * transaction per message.
 */
export class IntakeService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly bus: EventBus<DomainEvents>,
    private readonly hooks: IntakeHooks = {},
  ) {}

  async receive(raw: InboundMessageInput): Promise<IntakeResult> {
    const parsed = InboundMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, reason: `${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}` };
    }
    const msg = parsed.data;
    const externalId = `${msg.channel}:${msg.externalId}`;
    const seen = this.store.interactions.byIndex('externalId', externalId)[0];
    if (seen?.ticketId) {
      const t = this.store.tickets.get(seen.ticketId);
      return { ok: true, duplicate: true, ticketId: seen.ticketId, ticketNumber: t?.number ?? 0, customerId: seen.customerId ?? '', interactionId: seen.id, created: false };
    }
    const phone = msg.sender.phone ? normalizePhone(msg.sender.phone) : null;
    if (msg.sender.phone && !phone && !msg.sender.email && !msg.sender.handle) return { ok: false, reason: 'sender.phone: invalid phone number' };

    let createdTicket = false;
    let customerChanged = false;
    let answeredSurvey: Survey | null = null;
    const result = await this.store.write((tx) => {
      const now = this.clock.now().toISOString();
      const thread = this.threadTicket(msg);
      let customer = thread ? this.store.customers.get(thread.requesterId) : undefined;
      customer ??= this.matchCustomer(msg, phone);
      if (!customer) {
        customer = tx.put('customers', {
          id: newId('cus'),
          createdAt: now,
          updatedAt: now,
          version: 0,
          name: msg.sender.name || msg.sender.handle || msg.sender.email || phone || 'Cliente',
          cpf: null,
          phones: phone ? [phone] : [],
          emails: msg.sender.email ? [msg.sender.email.toLowerCase()] : [],
          handles: msg.sender.handle ? [handleKey(msg.channel, msg.sender.handle)] : [],
          tags: [],
          notes: '',
          consent: { marketing: false, surveys: true, recording: true, updatedAt: null },
          mergedInto: null,
        });
        this.audit.record(tx, { actor: SYSTEM_ACTOR, action: 'customer.create', entity: 'customer', entityId: customer.id, reason: `intake ${msg.channel}` });
        customerChanged = true;
      } else {
        const enriched = withContacts(customer, msg, phone);
        if (enriched) {
          customer = tx.put('customers', { ...enriched, updatedAt: now });
          customerChanged = true;
        }
      }

      let ticket: Ticket;
      // A score typed back after the survey invitation answers the survey; the ticket stays solved.
      const surveyAnswer = thread && !thread.mergedInto ? (this.hooks.surveys?.replyAnswer(thread, msg.text) ?? null) : null;
      if (thread && surveyAnswer) {
        ticket = thread;
        answeredSurvey = this.hooks.surveys?.recordAnswer(tx, surveyAnswer.survey, surveyAnswer.score, surveyAnswer.comment, now, msg.channel).survey ?? null;
      } else if (thread && thread.status !== 'closed') {
        // The customer wrote again: a solved ticket reopens, a paused one resumes.
        ticket = thread.status === 'new' || thread.status === 'open' ? thread : applyStatus(thread, 'open', new Date(now));
        ticket = tx.put('tickets', this.hooks.prepare ? this.hooks.prepare({ ...ticket, updatedAt: now }, thread, tx) : { ...ticket, updatedAt: now }, thread.version);
        if (thread.status !== ticket.status) {
          this.audit.record(tx, { actor: SYSTEM_ACTOR, action: 'ticket.customer_reply', entity: 'ticket', entityId: ticket.id, changes: { status: [thread.status, ticket.status] } });
          tx.put('interactions', statusEvent(ticket, customer, thread.status, ticket.status, now));
        }
      } else {
        ticket = this.newTicket(tx, msg, customer, now);
        createdTicket = true;
        this.audit.record(tx, { actor: SYSTEM_ACTOR, action: 'ticket.create', entity: 'ticket', entityId: ticket.id, changes: { status: [null, 'new'] }, reason: thread ? `follow-up of #${thread.number}` : null });
      }
      const interaction = tx.put('interactions', {
        id: newId('int'),
        createdAt: now,
        updatedAt: now,
        version: 0,
        kind: 'message',
        direction: 'inbound',
        channel: msg.channel,
        ticketId: ticket.id,
        customerId: customer.id,
        authorId: null,
        authorName: customer.name,
        body: msg.html ?? msg.text,
        bodyFormat: msg.html ? 'html' : 'text',
        attachments: msg.attachments,
        externalId,
        workSeconds: 0,
        call: null,
        event: null,
      });
      return { ticket, customer, interaction };
    });
    this.bus.publish('ticketChanged', { ticketId: result.ticket.id, kind: createdTicket ? 'created' : 'updated', teamId: result.ticket.teamId, assigneeId: result.ticket.assigneeId });
    if (customerChanged) this.bus.publish('customerChanged', { customerId: result.customer.id });
    const survey = answeredSurvey as Survey | null;
    if (survey) this.bus.publish('surveyChanged', { surveyId: survey.id, ticketId: survey.ticketId, customerId: survey.customerId });
    // A survey answer is not a customer reply: no reopening, no "customer replied" rules.
    else this.bus.publish('customerMessage', { ticketId: result.ticket.id, interactionId: result.interaction.id });
    return {
      ok: true,
      duplicate: false,
      ticketId: result.ticket.id,
      ticketNumber: result.ticket.number,
      customerId: result.customer.id,
      interactionId: result.interaction.id,
      created: createdTicket,
      ...(survey ? { surveyAnswered: { surveyId: survey.id, kind: survey.kind, score: survey.score ?? 0 } } : {}),
    };
  }

  /** The newest ticket of this conversation, or (e-mail) of a message it answers. */
  private threadTicket(msg: InboundMessage): Ticket | undefined {
    const candidates = [...this.store.tickets.byIndex('externalThread', `${msg.channel}:${msg.conversationId}`)];
    for (const ref of msg.inReplyTo) {
      for (const i of this.store.interactions.byIndex('externalId', `${msg.channel}:${ref}`)) {
        const t = i.ticketId ? this.store.tickets.get(i.ticketId) : undefined;
        if (t) candidates.push(t);
      }
    }
    const live = candidates.map((t) => (t.mergedInto ? (this.store.tickets.get(t.mergedInto) ?? t) : t));
    return live.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  }

  private matchCustomer(msg: InboundMessage, phone: string | null): Customer | undefined {
    const alive = (cs: Customer[]) => cs.find((c) => !c.mergedInto);
    return (
      (phone ? alive(this.store.customers.byIndex('phone', phone)) : undefined) ??
      (msg.sender.email ? alive(this.store.customers.byIndex('email', msg.sender.email.toLowerCase())) : undefined) ??
      (msg.sender.handle ? alive(this.store.customers.byIndex('handle', handleKey(msg.channel, msg.sender.handle))) : undefined)
    );
  }

  private newTicket(tx: WriteTx, msg: InboundMessage, customer: Customer, now: string): Ticket {
    const teams = this.store.getSetting<Record<string, string>>(INTAKE_TEAMS_SETTING) ?? {};
    const configured = teams[msg.channel];
    const teamId = configured && this.store.teams.get(configured) ? configured : defaultTeam(this.store);
    const firstLine = msg.text.trim().split('\n')[0]?.trim() ?? '';
    const subject = msg.subject?.trim() || (firstLine.length > SUBJECT_MAX ? `${firstLine.slice(0, SUBJECT_MAX - 1)}…` : firstLine) || msg.channel;
    let ticket: Ticket = {
      id: newId('tkt'),
      createdAt: now,
      updatedAt: now,
      version: 0,
      number: tx.nextSequence('ticket'),
      subject,
      channel: msg.channel,
      status: 'new',
      priority: 'normal',
      category: null,
      tags: [],
      requesterId: customer.id,
      assigneeId: null,
      teamId,
      externalThreadId: `${msg.channel}:${msg.conversationId}`,
      sla: { policyId: null, firstResponseDueAt: null, resolutionDueAt: null, firstResponseAt: null, pausedSeconds: 0, pausedSince: null },
      solvedAt: null,
      closedAt: null,
      reopenCount: 0,
      mergedInto: null,
      tier: teamId ? (this.store.teams.get(teamId)?.tier ?? 1) : 1,
    };
    if (this.hooks.prepareNewTicket) ticket = this.hooks.prepareNewTicket(ticket, customer, tx);
    if (this.hooks.prepare) ticket = this.hooks.prepare(ticket, null, tx);
    return tx.put('tickets', ticket);
  }
}

function handleKey(channel: string, handle: string): string {
  return `${channel}:${handle.trim().toLowerCase()}`;
}

/** The customer with this message's phone/e-mail/handle added when new to them; null when nothing changes. */
function withContacts(c: Customer, msg: InboundMessage, phone: string | null): Customer | null {
  const email = msg.sender.email?.toLowerCase();
  const handle = msg.sender.handle ? handleKey(msg.channel, msg.sender.handle) : null;
  const phones = phone && !c.phones.includes(phone) && c.phones.length < 20 ? [...c.phones, phone] : c.phones;
  const emails = email && !c.emails.includes(email) && c.emails.length < 20 ? [...c.emails, email] : c.emails;
  const handles = c.handles ?? [];
  const nextHandles = handle && !handles.includes(handle) && handles.length < 20 ? [...handles, handle] : handles;
  if (phones === c.phones && emails === c.emails && nextHandles === handles) return null;
  return { ...c, phones, emails, handles: nextHandles };
}

/** Lowest-tier team (first by name): where a ticket goes when no intake team is configured. */
function defaultTeam(store: Store): string | null {
  const teams = [...store.teams.values()].sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name, 'pt-BR'));
  return teams[0]?.id ?? null;
}

function statusEvent(t: Ticket, c: Customer, from: string, to: string, now: string) {
  return {
    id: newId('int'),
    createdAt: now,
    updatedAt: now,
    version: 0,
    kind: 'event' as const,
    direction: 'internal' as const,
    channel: t.channel,
    ticketId: t.id,
    customerId: c.id,
    authorId: null,
    authorName: c.name,
    body: '',
    bodyFormat: 'text' as const,
    attachments: [],
    externalId: null,
    workSeconds: 0,
    call: null,
    event: { type: 'status', from, to },
  };
}
