import { roleAtLeast, type PublicUser, type Survey, type Task, type Ticket } from '../../../shared/schemas';
import type { Store, WriteTx } from '../../store/store';
import type { Actor, AuditService } from '../audit/audit.service';
import type { DomainEvents } from '../events';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import { newId } from '../shared/ids';

export type TaskViewer = Pick<PublicUser, 'id' | 'role' | 'teamIds'>;

/** A task line with what the list shows beside it. */
export interface TaskRow extends Task {
  ticketNumber: number | null;
  ticketSubject: string | null;
  customerName: string | null;
  survey: Pick<Survey, 'kind' | 'score' | 'comment' | 'answeredAt'> | null;
}

/**
 * Tasks for a role (today: the supervisor's follow-up of a low survey score). A task waits for the
 * role until someone closes it with what was done; supervisors see those of their teams (and of
 * tickets without a team), admins all.
 */
export class TasksService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly bus: EventBus<DomainEvents>,
  ) {}

  /** Writes a follow-up task for a low survey score inside the caller's transaction. */
  createSurveyFollowUp(tx: WriteTx, survey: Survey, ticket: Ticket | undefined): Task {
    const now = this.clock.now().toISOString();
    const scale = survey.kind === 'csat' ? 'CSAT' : 'NPS';
    const title = ticket ? `${scale} ${survey.score} — #${ticket.number} ${ticket.subject}`.slice(0, 300) : `${scale} ${survey.score}`;
    return tx.put('tasks', {
      id: newId('tsk'),
      createdAt: now,
      updatedAt: now,
      version: 0,
      kind: 'survey_followup',
      status: 'open',
      assigneeRole: 'supervisor',
      assigneeId: null,
      teamId: ticket?.teamId ?? null,
      ticketId: survey.ticketId,
      customerId: survey.customerId,
      surveyId: survey.id,
      title,
      doneAt: null,
      doneBy: null,
      resolution: '',
    });
  }

  private visible(t: Task, viewer: TaskViewer): boolean {
    if (!roleAtLeast(viewer.role, t.assigneeRole)) return false;
    if (roleAtLeast(viewer.role, 'admin')) return true;
    return t.teamId === null || viewer.teamIds.includes(t.teamId);
  }

  /** Tasks the viewer works: open ones (oldest first), or recently done ones (newest first). */
  list(viewer: TaskViewer, status: 'open' | 'done' = 'open', limit = 100): TaskRow[] {
    const source = status === 'open' ? [...this.store.tasks.byIndex('open', 'supervisor'), ...this.store.tasks.byIndex('open', 'admin')] : [...this.store.tasks.values()].filter((t) => t.status === 'done');
    return source
      .filter((t) => this.visible(t, viewer))
      .sort((a, b) => (status === 'open' ? a.createdAt.localeCompare(b.createdAt) : (b.doneAt ?? '').localeCompare(a.doneAt ?? '')))
      .slice(0, limit)
      .map((t) => this.row(t));
  }

  forTicket(ticketId: string): TaskRow[] {
    return this.store.tasks.byIndex('ticket', ticketId).map((t) => this.row(t));
  }

  /** Closes a task with what was done. */
  async complete(id: string, version: number, resolution: string, actor: Actor & { id: string }, viewer: TaskViewer): Promise<{ ok: true; task: Task } | { ok: false; reason: 'not_found' | 'version_conflict' | 'already_done' }> {
    const current = this.store.tasks.get(id);
    if (!current || !this.visible(current, viewer)) return { ok: false, reason: 'not_found' };
    if (current.status === 'done') return { ok: false, reason: 'already_done' };
    if (current.version !== version) return { ok: false, reason: 'version_conflict' };
    const now = this.clock.now().toISOString();
    const task = await this.store.write((tx) => {
      const saved = tx.put('tasks', { ...current, status: 'done', doneAt: now, doneBy: actor.id, assigneeId: actor.id, resolution: resolution.trim(), updatedAt: now }, version);
      this.audit.record(tx, { actor, action: 'task.complete', entity: 'task', entityId: id, changes: { status: ['open', 'done'] }, reason: resolution.trim() || null });
      return saved;
    });
    this.bus.publish('surveyChanged', { surveyId: task.surveyId, ticketId: task.ticketId, customerId: task.customerId });
    return { ok: true, task };
  }

  private row(t: Task): TaskRow {
    const ticket = t.ticketId ? this.store.tickets.get(t.ticketId) : undefined;
    const survey = t.surveyId ? this.store.surveys.get(t.surveyId) : undefined;
    return {
      ...t,
      ticketNumber: ticket?.number ?? null,
      ticketSubject: ticket?.subject ?? null,
      customerName: t.customerId ? (this.store.customers.get(t.customerId)?.name ?? null) : null,
      survey: survey ? { kind: survey.kind, score: survey.score, comment: survey.comment, answeredAt: survey.answeredAt } : null,
    };
  }
}
