import { createHash, randomBytes } from 'node:crypto';
import { SURVEY_SCALES, SurveySettingsSchema, isLowScore, type Channel, type Customer, type Survey, type SurveySettings, type Ticket } from '../../../shared/schemas';
import type { Store, WriteTx } from '../../store/store';
import { SYSTEM_ACTOR, type Actor, type AuditService } from '../audit/audit.service';
import type { DomainEvents } from '../events';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { newId } from '../shared/ids';
import type { TasksService } from '../tasks/tasks.service';
import { parseSurveyReply } from './survey-reply';

/** Store setting with the survey settings (see SurveySettingsSchema). */
export const SURVEY_SETTINGS_KEY = 'surveys.settings';

const DAY_MS = 86_400_000;

/** SHA-256 (hex) of a survey token: the only form in which tokens are stored. */
export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Survey tokens are 32 url-safe characters (192 random bits); anything else is not one. */
export const SURVEY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export type AnswerFailure = 'unknown' | 'expired' | 'already_answered' | 'invalid_score';
export type AnswerResult = { ok: true; survey: Survey; followUpTaskId: string | null } | { ok: false; reason: AnswerFailure };

/** What the public survey page may know about a token (nothing personal). */
export type SurveyLookup = { state: 'unknown' } | { state: 'open' | 'answered' | 'expired'; kind: Survey['kind']; ticketNumber: number | null };

/** A survey without its token hash, for screens and the API. */
export type SurveyView = Omit<Survey, 'tokenHash'>;

export const viewOf = ({ tokenHash: _hash, ...rest }: Survey): SurveyView => rest;

/**
 * Satisfaction surveys. When a ticket is solved (the bus's `ticketChanged`), or a rule asks for it
 * (`surveyRequested`), a CSAT survey is created, plus NPS when the customer was not asked within the NPS cadence; never without the
 * customer's consent. Each survey has a random token that is handed out once (the
 * `surveyCreated` event, for the invitation) and stored only as its SHA-256. An answer is taken
 * once, before expiry; a low score opens a follow-up task for the supervisors. The KPI engine
 * reads the `surveys` collection, so an answer moves CSAT/NPS at once.
 */
export class SurveysService {
  private readonly stop: () => void;
  private readonly stopRequests: () => void;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly bus: EventBus<DomainEvents>,
    private readonly tasks: TasksService,
  ) {
    this.stop = bus.on('ticketChanged', (e) => {
      if (e.kind === 'deleted') return;
      const t = store.tickets.get(e.ticketId);
      if (t?.status === 'solved' && t.solvedAt && this.settings().csatOnSolve && !this.sentSince(t, t.solvedAt)) {
        void this.createForTicket(t.id, SYSTEM_ACTOR).catch((err: unknown) => console.error('[atende] survey creation failed', err));
      }
    });
    // An automation rule's "send CSAT": once per ticket while a survey of it is still open.
    this.stopRequests = bus.on('surveyRequested', ({ ticketId }) => {
      const now = this.clock.now().toISOString();
      const open = store.surveys.byIndex('ticket', ticketId).some((s) => s.kind === 'csat' && !s.answeredAt && s.expiresAt > now);
      if (!open) void this.createForTicket(ticketId, { id: null, name: 'automation' }).catch((err: unknown) => console.error('[atende] survey creation failed', err));
    });
  }

  dispose(): void {
    this.stop();
    this.stopRequests();
  }

  settings(): SurveySettings {
    const parsed = SurveySettingsSchema.safeParse(this.store.getSetting(SURVEY_SETTINGS_KEY) ?? {});
    return parsed.success ? parsed.data : SurveySettingsSchema.parse({});
  }

  async saveSettings(patch: Partial<SurveySettings>, actor: Actor): Promise<SurveySettings> {
    const next = SurveySettingsSchema.parse({ ...this.settings(), ...patch });
    await this.store.setSetting(SURVEY_SETTINGS_KEY, next);
    await this.store.write((tx) => this.audit.record(tx, { actor, action: 'surveys.settings', entity: 'setting', entityId: SURVEY_SETTINGS_KEY }));
    return next;
  }

  /** Has a CSAT survey for this ticket been sent at or after `since` (this solve)? */
  private sentSince(t: Ticket, since: string): boolean {
    return this.store.surveys.byIndex('ticket', t.id).some((s) => s.kind === 'csat' && s.sentAt >= since);
  }

  /** The customer a ticket's surveys go to (following merges). */
  private customerOf(t: Ticket): Customer | undefined {
    let c = this.store.customers.get(t.requesterId);
    for (let hops = 0; c?.mergedInto && hops < 5; hops++) c = this.store.customers.get(c.mergedInto) ?? c;
    return c;
  }

  /**
   * Creates the ticket's surveys: CSAT, and NPS when the cadence allows. Returns the surveys with
   * their plain tokens (for the caller to send), or why none was created.
   */
  async createForTicket(
    ticketId: string,
    actor: Actor,
  ): Promise<{ ok: true; created: { survey: SurveyView; token: string }[] } | { ok: false; reason: 'not_found' | 'no_consent' }> {
    const ticket = this.store.tickets.get(ticketId);
    if (!ticket) return { ok: false, reason: 'not_found' };
    const customer = this.customerOf(ticket);
    if (!customer) return { ok: false, reason: 'not_found' };
    if (customer.consent?.surveys === false) return { ok: false, reason: 'no_consent' };
    const settings = this.settings();
    const now = this.clock.now();
    const kinds: Survey['kind'][] = ['csat'];
    if (settings.npsCadenceDays > 0) {
      const since = new Date(now.getTime() - settings.npsCadenceDays * DAY_MS).toISOString();
      const recentNps = this.store.surveys.byIndex('customer', customer.id).some((s) => s.kind === 'nps' && s.sentAt >= since);
      if (!recentNps) kinds.push('nps');
    }
    const iso = now.toISOString();
    const expiresAt = new Date(now.getTime() + settings.expiryDays * DAY_MS).toISOString();
    const tokens = kinds.map(() => randomBytes(24).toString('base64url'));
    const surveys = await this.store.write((tx) => {
      const saved = kinds.map((kind, i) =>
        tx.put('surveys', {
          id: newId('srv'),
          createdAt: iso,
          updatedAt: iso,
          version: 0,
          kind,
          ticketId: ticket.id,
          customerId: customer.id,
          agentId: ticket.assigneeId,
          tokenHash: hashSurveyToken(tokens[i] as string),
          sentAt: iso,
          expiresAt,
          answeredAt: null,
          score: null,
          comment: null,
        }),
      );
      this.audit.record(tx, { actor, action: 'survey.create', entity: 'ticket', entityId: ticket.id, changes: { surveys: [null, kinds.join('+')] } });
      return saved;
    });
    surveys.forEach((s, i) => this.bus.publish('surveyCreated', { surveyId: s.id, ticketId: s.ticketId, customerId: s.customerId, kind: s.kind, token: tokens[i] as string }));
    this.bus.publish('surveyChanged', { surveyId: null, ticketId: ticket.id, customerId: customer.id });
    return { ok: true, created: surveys.map((s, i) => ({ survey: viewOf(s), token: tokens[i] as string })) };
  }

  private byToken(token: string): Survey | undefined {
    if (!SURVEY_TOKEN_PATTERN.test(token)) return undefined;
    return this.store.surveys.byIndex('tokenHash', hashSurveyToken(token))[0];
  }

  /** For the public page: the survey's kind and state, nothing else. */
  lookup(token: string): SurveyLookup {
    const s = this.byToken(token);
    if (!s) return { state: 'unknown' };
    const ticketNumber = s.ticketId ? (this.store.tickets.get(s.ticketId)?.number ?? null) : null;
    const state = s.answeredAt ? 'answered' : this.clock.now().toISOString() > s.expiresAt ? 'expired' : 'open';
    return { state, kind: s.kind, ticketNumber };
  }

  /** Records an answer once, before expiry; a low score opens a supervisor follow-up task. */
  async answer(token: string, score: number, comment: string | null): Promise<AnswerResult> {
    const s = this.byToken(token);
    if (!s) return { ok: false, reason: 'unknown' };
    if (s.answeredAt) return { ok: false, reason: 'already_answered' };
    const now = this.clock.now().toISOString();
    if (now > s.expiresAt) return { ok: false, reason: 'expired' };
    const scale = SURVEY_SCALES[s.kind];
    if (!Number.isInteger(score) || score < scale.min || score > scale.max) return { ok: false, reason: 'invalid_score' };
    let followUpTaskId: string | null = null;
    const saved = await this.store
      .write((tx) => {
        const recorded = this.recordAnswer(tx, s, score, comment, now, 'link');
        followUpTaskId = recorded.followUpTaskId;
        return recorded.survey;
      })
      .catch((err: unknown) => {
        // Two answers at the same moment: the first one wins.
        if (err instanceof Error && err.name === 'VersionConflictError') return null;
        throw err;
      });
    if (!saved) return { ok: false, reason: 'already_answered' };
    this.bus.publish('surveyChanged', { surveyId: saved.id, ticketId: saved.ticketId, customerId: saved.customerId });
    return { ok: true, survey: saved, followUpTaskId };
  }

  /**
   * The open survey of a solved or closed ticket that a customer's message on its conversation
   * answers ("5", "nota 4 - ótimo"), or null when the message is not a score or nothing is open.
   * CSAT (1–5) is taken first; a score only NPS allows (0, 6–10, "…/10"), or any score once the
   * CSAT is answered, goes to the NPS survey.
   */
  replyAnswer(ticket: Ticket, text: string): { survey: Survey; score: number; comment: string | null } | null {
    if (ticket.status !== 'solved' && ticket.status !== 'closed') return null;
    const reply = parseSurveyReply(text);
    if (!reply) return null;
    const now = this.clock.now().toISOString();
    const open = this.store.surveys
      .byIndex('ticket', ticket.id)
      .filter((sv) => !sv.answeredAt && sv.expiresAt >= now)
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
    const fits = (sv: Survey) => {
      const scale = SURVEY_SCALES[sv.kind];
      return reply.score >= scale.min && reply.score <= scale.max && (reply.outOf === null || reply.outOf === scale.max);
    };
    const survey = open.find((sv) => sv.kind === 'csat' && fits(sv)) ?? open.find((sv) => sv.kind === 'nps' && fits(sv));
    return survey ? { survey, score: reply.score, comment: reply.comment } : null;
  }

  /**
   * Inside a write: stores an answer and, for a low score, the supervisors' follow-up task. The
   * caller publishes `surveyChanged` after the commit.
   */
  recordAnswer(tx: WriteTx, survey: Survey, score: number, comment: string | null, now: string, via: 'link' | Channel): { survey: Survey; followUpTaskId: string | null } {
    const answered = tx.put('surveys', { ...survey, answeredAt: now, updatedAt: now, score, comment: comment ? comment.slice(0, 2000) : null }, survey.version);
    let followUpTaskId: string | null = null;
    if (isLowScore(survey.kind, score)) {
      const ticket = survey.ticketId ? this.store.tickets.get(survey.ticketId) : undefined;
      followUpTaskId = this.tasks.createSurveyFollowUp(tx, answered, ticket).id;
    }
    this.audit.record(tx, { actor: SYSTEM_ACTOR, action: 'survey.answer', entity: 'survey', entityId: survey.id, changes: { score: [null, score] }, reason: via === 'link' ? null : `reply on ${via}` });
    return { survey: answered, followUpTaskId };
  }

  /**
   * A new link for an unanswered survey (the customer lost it): a fresh token replaces the old
   * one, which stops working, and the validity restarts.
   */
  async reissue(surveyId: string, actor: Actor): Promise<{ ok: true; token: string; survey: SurveyView } | { ok: false; reason: 'not_found' | 'already_answered' }> {
    const s = this.store.surveys.get(surveyId);
    if (!s) return { ok: false, reason: 'not_found' };
    if (s.answeredAt) return { ok: false, reason: 'already_answered' };
    const token = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.settings().expiryDays * DAY_MS).toISOString();
    const saved = await this.store.write((tx) => {
      const next = tx.put('surveys', { ...s, tokenHash: hashSurveyToken(token), expiresAt, updatedAt: now.toISOString() }, s.version);
      this.audit.record(tx, { actor, action: 'survey.reissue', entity: 'survey', entityId: s.id });
      return next;
    });
    return { ok: true, token, survey: viewOf(saved) };
  }

  /** A ticket's surveys, newest first. */
  forTicket(ticketId: string): SurveyView[] {
    return this.store.surveys
      .byIndex('ticket', ticketId)
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
      .map(viewOf);
  }
}
