import { z } from 'zod';
import { snippet } from '../../../shared/kb/text';
import { KbArticleInputSchema, roleAtLeast, type ArticleStatus, type KbArticle, type KbArticleInput, type Role } from '../../../shared/schemas';
import type { CommittedChange, Store } from '../../store/store';
import { SYSTEM_ACTOR, diffFields, type Actor, type AuditService } from '../audit/audit.service';
import type { Clock } from '../shared/clock';
import { newId } from '../shared/ids';
import { KbSearchIndex } from './kb-search-index';
import { ticketArticleDraft, ticketQueryText, type ArticleDraft } from './ticket-text';

/** Who reads the knowledge base: agents see published articles and their own proposals; editors all. */
export interface KbViewer {
  id: string;
  role: Role;
}

export type KbFailure = 'not_found' | 'version_conflict' | 'not_a_proposal' | 'forbidden' | 'unknown_ticket';
export type KbResult = { ok: true; article: KbArticle } | { ok: false; reason: KbFailure };

/** A list line: the article without its body and history. */
export interface KbArticleSummary {
  id: string;
  version: number;
  title: string;
  category: string | null;
  tags: string[];
  status: ArticleStatus;
  visibility: KbArticle['visibility'];
  language: KbArticle['language'];
  usedOnTickets: number;
  proposedBy: string | null;
  proposalFor: string | null;
  updatedAt: string;
  revisions: number;
  snippet: string;
}

export interface KbSearchHit extends KbArticleSummary {
  score: number;
}

/** Store setting: the address where the exported self-service site is published. */
export const KB_SETTINGS_KEY = 'kb.settings';
export const KbSettingsSchema = z.object({ publicSiteUrl: z.url({ protocol: /^https?$/ }).nullable().default(null) });
export type KbSettings = z.infer<typeof KbSettingsSchema>;

/** Most revisions kept per article (the schema's bound); older ones are dropped first. */
const MAX_REVISIONS = 500;
const TICKET_STATUSES_DONE: ReadonlySet<string> = new Set(['solved', 'closed']);

export const isKbEditor = (role: Role) => roleAtLeast(role, 'supervisor');

/** The list line of an article; `snippetText` defaults to a fresh snippet of its body. */
export function summarize(a: KbArticle, snippetText = snippet(a.body)): KbArticleSummary {
  return {
    id: a.id,
    version: a.version,
    title: a.title,
    category: a.category,
    tags: a.tags,
    status: a.status,
    visibility: a.visibility,
    language: a.language,
    usedOnTickets: a.usedOnTickets,
    proposedBy: a.proposedBy ?? null,
    proposalFor: a.proposalFor ?? null,
    updatedAt: a.updatedAt,
    revisions: a.history.length,
    snippet: snippetText,
  };
}

/**
 * The knowledge base: Markdown articles with categories, tags, status, visibility and revision
 * history; agents propose (new articles or changes), supervisors and admins edit and publish.
 * Keeps a search index in step with the store (its commit feed, so CLI and demo writes count too),
 * suggests articles for a ticket from its text, and counts an article as useful once a ticket it
 * was used on is solved.
 */
export class KbService {
  private readonly index = new KbSearchIndex();
  private readonly stop: () => void;
  /** Snippets by article id and version: making one strips the Markdown of the whole body. */
  private readonly snippets = new Map<string, { version: number; text: string }>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {
    this.index.addAll(store.kbArticles.values());
    this.stop = store.onCommit((changes) => this.onCommit(changes));
  }

  dispose(): void {
    this.stop();
  }

  private summary(a: KbArticle): KbArticleSummary {
    const cached = this.snippets.get(a.id);
    if (cached && cached.version === a.version) return summarize(a, cached.text);
    const text = snippet(a.body);
    this.snippets.set(a.id, { version: a.version, text });
    return summarize(a, text);
  }

  settings(): KbSettings {
    const parsed = KbSettingsSchema.safeParse(this.store.getSetting(KB_SETTINGS_KEY) ?? {});
    return parsed.success ? parsed.data : { publicSiteUrl: null };
  }

  async saveSettings(patch: Partial<KbSettings>, actor: Actor): Promise<KbSettings> {
    const next = KbSettingsSchema.parse({ ...this.settings(), ...patch });
    await this.store.setSetting(KB_SETTINGS_KEY, next);
    await this.store.write((tx) => this.audit.record(tx, { actor, action: 'kb.settings', entity: 'setting', entityId: KB_SETTINGS_KEY }));
    return next;
  }

  /** May `viewer` read this article? */
  canRead(a: KbArticle, viewer: KbViewer): boolean {
    if (isKbEditor(viewer.role)) return true;
    return a.status === 'published' || (a.proposedBy === viewer.id && a.status === 'draft');
  }

  get(id: string, viewer: KbViewer): KbArticle | undefined {
    const a = this.store.kbArticles.get(id);
    return a && this.canRead(a, viewer) ? a : undefined;
  }

  /** Articles the viewer may read, newest change first, optionally narrowed. */
  list(viewer: KbViewer, filter: { status?: ArticleStatus | 'proposals'; category?: string | null } = {}): KbArticleSummary[] {
    return [...this.store.kbArticles.values()]
      .filter((a) => this.canRead(a, viewer))
      .filter((a) => {
        if (filter.status === 'proposals') return a.proposedBy !== null && a.status === 'draft';
        if (filter.status && a.status !== filter.status) return false;
        return filter.category === undefined || a.category === filter.category;
      })
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id)))
      .map((a) => this.summary(a));
  }

  /** Categories of published articles with how many each has. */
  categories(): { name: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const a of this.store.kbArticles.values()) {
      if (a.status === 'published' && a.category) counts.set(a.category, (counts.get(a.category) ?? 0) + 1);
    }
    return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
  }

  /**
   * Ranked search. Agents search published articles; editors may include drafts and archived ones.
   */
  search(viewer: KbViewer, query: string, opts: { limit?: number; includeUnpublished?: boolean } = {}): KbSearchHit[] {
    const all = opts.includeUnpublished === true && isKbEditor(viewer.role);
    const hits = this.index.search(query, {
      limit: opts.limit ?? 20,
      filter: (id) => {
        const a = this.store.kbArticles.get(id);
        return Boolean(a && (all ? this.canRead(a, viewer) : a.status === 'published' && a.proposedBy === null));
      },
    });
    return hits.flatMap((h) => {
      const a = this.store.kbArticles.get(h.id);
      return a ? [{ ...this.summary(a), score: h.score }] : [];
    });
  }

  /** Published articles that best match a ticket's subject, category and customer messages. */
  suggestForTicket(ticketId: string, limit = 5): KbSearchHit[] | null {
    const ticket = this.store.tickets.get(ticketId);
    if (!ticket) return null;
    const text = ticketQueryText(this.store, ticket);
    const hits = this.index.search(text, {
      limit,
      prefixLastTerm: false,
      filter: (id) => {
        const a = this.store.kbArticles.get(id);
        return Boolean(a && a.status === 'published' && a.proposedBy === null);
      },
    });
    return hits.flatMap((h) => {
      const a = this.store.kbArticles.get(h.id);
      return a ? [{ ...this.summary(a), score: h.score }] : [];
    });
  }

  /** A new article's fields prefilled from a ticket: its subject, the problem and the resolution. */
  draftFromTicket(ticketId: string, language: 'pt-BR' | 'en'): ArticleDraft | null {
    const ticket = this.store.tickets.get(ticketId);
    return ticket ? ticketArticleDraft(this.store, ticket, language) : null;
  }

  /** An editor creates an article (draft or published at once). */
  async create(raw: KbArticleInput, status: ArticleStatus, actor: Actor & { id: string }): Promise<KbResult> {
    const input = KbArticleInputSchema.parse(raw);
    if (input.sourceTicketId && !this.store.tickets.get(input.sourceTicketId)) return { ok: false, reason: 'unknown_ticket' };
    const now = this.clock.now().toISOString();
    const article = await this.store.write((tx) => {
      const a = tx.put('kbArticles', {
        id: newId('kb'),
        createdAt: now,
        updatedAt: now,
        version: 0,
        ...input,
        status,
        authorId: actor.id,
        history: [{ version: 1, authorId: actor.id, at: now, title: input.title, body: input.body }],
        usedOnTickets: 0,
        proposedBy: null,
        proposalFor: null,
      });
      this.audit.record(tx, { actor, action: 'kb.create', entity: 'kbArticle', entityId: a.id, changes: { title: [null, a.title], status: [null, status] } });
      return a;
    });
    return { ok: true, article };
  }

  /** An editor saves a change: a new revision when the title or text changed. */
  async update(id: string, version: number, raw: KbArticleInput, actor: Actor & { id: string }): Promise<KbResult> {
    const current = this.store.kbArticles.get(id);
    if (!current || current.proposedBy) return { ok: false, reason: 'not_found' };
    if (current.version !== version) return { ok: false, reason: 'version_conflict' };
    const input = KbArticleInputSchema.parse(raw);
    const now = this.clock.now().toISOString();
    const next: KbArticle = { ...current, ...input, sourceTicketId: input.sourceTicketId ?? current.sourceTicketId, updatedAt: now };
    const article = await this.store.write((tx) => {
      const saved = tx.put('kbArticles', withRevision(next, current, actor.id, now), version);
      this.audit.record(tx, { actor, action: 'kb.update', entity: 'kbArticle', entityId: id, changes: diffFields(current, saved, ['title', 'category', 'tags', 'visibility', 'language']) });
      return saved;
    });
    return { ok: true, article };
  }

  /** Publish, unpublish (draft) or archive. */
  async setStatus(id: string, version: number, status: ArticleStatus, actor: Actor): Promise<KbResult> {
    const current = this.store.kbArticles.get(id);
    if (!current) return { ok: false, reason: 'not_found' };
    if (current.version !== version) return { ok: false, reason: 'version_conflict' };
    if (current.proposedBy && status === 'published') return { ok: false, reason: 'not_a_proposal' };
    const now = this.clock.now().toISOString();
    const article = await this.store.write((tx) => {
      const saved = tx.put('kbArticles', { ...current, status, updatedAt: now }, version);
      this.audit.record(tx, { actor, action: 'kb.status', entity: 'kbArticle', entityId: id, changes: { status: [current.status, status] } });
      return saved;
    });
    return { ok: true, article };
  }

  /**
   * An agent proposes a new article, or a change to `proposalFor`: stored as a draft marked as a
   * proposal, which editors accept or reject.
   */
  async propose(raw: KbArticleInput, proposalFor: string | null, actor: Actor & { id: string }): Promise<KbResult> {
    const input = KbArticleInputSchema.parse(raw);
    if (proposalFor && !this.store.kbArticles.get(proposalFor)) return { ok: false, reason: 'not_found' };
    if (input.sourceTicketId && !this.store.tickets.get(input.sourceTicketId)) return { ok: false, reason: 'unknown_ticket' };
    const now = this.clock.now().toISOString();
    const article = await this.store.write((tx) => {
      const a = tx.put('kbArticles', {
        id: newId('kb'),
        createdAt: now,
        updatedAt: now,
        version: 0,
        ...input,
        status: 'draft',
        authorId: actor.id,
        history: [{ version: 1, authorId: actor.id, at: now, title: input.title, body: input.body }],
        usedOnTickets: 0,
        proposedBy: actor.id,
        proposalFor,
      });
      this.audit.record(tx, { actor, action: 'kb.propose', entity: 'kbArticle', entityId: a.id, changes: { title: [null, a.title] }, reason: proposalFor ? `change of ${proposalFor}` : null });
      return a;
    });
    return { ok: true, article };
  }

  /**
   * Accepts a proposal: a change becomes a new revision of its article (authored by the
   * proposer) and the proposal is removed; a new article is published as it is.
   */
  async acceptProposal(id: string, actor: Actor): Promise<KbResult> {
    const proposal = this.store.kbArticles.get(id);
    if (!proposal) return { ok: false, reason: 'not_found' };
    if (!proposal.proposedBy || proposal.status !== 'draft') return { ok: false, reason: 'not_a_proposal' };
    const proposer = proposal.proposedBy;
    const now = this.clock.now().toISOString();
    const target = proposal.proposalFor ? this.store.kbArticles.get(proposal.proposalFor) : undefined;
    if (proposal.proposalFor && !target) return { ok: false, reason: 'not_found' };
    const article = await this.store.write((tx) => {
      if (target) {
        const next: KbArticle = { ...target, title: proposal.title, body: proposal.body, category: proposal.category, tags: proposal.tags, attachments: proposal.attachments, updatedAt: now };
        const saved = tx.put('kbArticles', withRevision(next, target, proposer, now), target.version);
        tx.delete('kbArticles', proposal.id);
        this.audit.record(tx, { actor, action: 'kb.accept', entity: 'kbArticle', entityId: target.id, changes: diffFields(target, saved, ['title', 'category', 'tags']), reason: `proposal ${proposal.id}` });
        return saved;
      }
      const saved = tx.put('kbArticles', { ...proposal, proposedBy: null, status: 'published', updatedAt: now }, proposal.version);
      this.audit.record(tx, { actor, action: 'kb.accept', entity: 'kbArticle', entityId: id, changes: { status: ['draft', 'published'] }, reason: `proposed by ${proposer}` });
      return saved;
    });
    return { ok: true, article };
  }

  /** Rejects (removes) a proposal. */
  async rejectProposal(id: string, reason: string, actor: Actor): Promise<{ ok: true } | { ok: false; reason: KbFailure }> {
    const proposal = this.store.kbArticles.get(id);
    if (!proposal) return { ok: false, reason: 'not_found' };
    if (!proposal.proposedBy || proposal.status !== 'draft') return { ok: false, reason: 'not_a_proposal' };
    await this.store.write((tx) => {
      tx.delete('kbArticles', id);
      this.audit.record(tx, { actor, action: 'kb.reject', entity: 'kbArticle', entityId: id, changes: { title: [proposal.title, null] }, reason: reason || null });
    });
    return { ok: true };
  }

  /**
   * An agent inserted an article (link or text) into a reply on a ticket. One use per article and
   * ticket; it counts on the article once the ticket is solved (at once if it already is).
   */
  async recordUse(articleId: string, ticketId: string, mode: 'link' | 'text', actor: Actor & { id: string }): Promise<{ ok: true; counted: boolean } | { ok: false; reason: KbFailure }> {
    const article = this.store.kbArticles.get(articleId);
    const ticket = this.store.tickets.get(ticketId);
    if (!article || article.status !== 'published') return { ok: false, reason: 'not_found' };
    if (!ticket) return { ok: false, reason: 'unknown_ticket' };
    if (this.store.kbUses.byIndex('ticket', ticketId).some((u) => u.articleId === articleId)) return { ok: true, counted: false };
    const now = this.clock.now().toISOString();
    const solved = TICKET_STATUSES_DONE.has(ticket.status);
    await this.store.write((tx) => {
      tx.put('kbUses', { id: newId('kbu'), createdAt: now, updatedAt: now, version: 0, articleId, ticketId, userId: actor.id, mode, countedAt: solved ? now : null });
      if (solved) tx.put('kbArticles', { ...article, usedOnTickets: article.usedOnTickets + 1 });
    });
    return { ok: true, counted: solved };
  }

  /** Articles used on tickets, most useful first: solved tickets they helped on, uses still open. */
  usefulness(limit = 50): { article: KbArticleSummary; solvedTickets: number; openUses: number; lastUsedAt: string | null }[] {
    const rows = [...this.store.kbArticles.values()]
      .filter((a) => !a.proposedBy)
      .map((a) => {
        const uses = this.store.kbUses.byIndex('article', a.id);
        const lastUsedAt = uses.reduce<string | null>((m, u) => (m === null || u.createdAt > m ? u.createdAt : m), null);
        return { article: this.summary(a), solvedTickets: a.usedOnTickets, openUses: uses.filter((u) => !u.countedAt).length, lastUsedAt };
      })
      .filter((r) => r.solvedTickets > 0 || r.openUses > 0);
    return rows.sort((a, b) => b.solvedTickets - a.solvedTickets || b.openUses - a.openUses || a.article.title.localeCompare(b.article.title, 'pt-BR')).slice(0, limit);
  }

  /** Uses of articles on one ticket (which articles the agent already inserted). */
  usesOnTicket(ticketId: string): { articleId: string; mode: 'link' | 'text'; at: string }[] {
    return this.store.kbUses.byIndex('ticket', ticketId).map((u) => ({ articleId: u.articleId, mode: u.mode, at: u.createdAt }));
  }

  /** Keeps the index in step, and counts uses of tickets that were just solved. */
  private onCommit(changes: readonly CommittedChange[]): void {
    const solvedTickets: string[] = [];
    for (const { collection, id } of changes) {
      if (collection === 'kbArticles') {
        const a = this.store.kbArticles.get(id);
        if (a) this.index.upsert(a);
        else {
          this.index.remove(id);
          this.snippets.delete(id);
        }
      } else if (collection === 'tickets') {
        const t = this.store.tickets.get(id);
        if (t && TICKET_STATUSES_DONE.has(t.status) && this.store.kbUses.countByIndex('ticket', id) > 0) solvedTickets.push(id);
      }
    }
    if (solvedTickets.length > 0) void this.countUses(solvedTickets).catch((err: unknown) => console.error('[atende] kb: counting article uses failed', err));
  }

  private async countUses(ticketIds: readonly string[]): Promise<void> {
    const pending = ticketIds.flatMap((t) => this.store.kbUses.byIndex('ticket', t).filter((u) => !u.countedAt));
    if (pending.length === 0) return;
    const now = this.clock.now().toISOString();
    await this.store.write((tx) => {
      const increments = new Map<string, number>();
      for (const use of pending) {
        tx.put('kbUses', { ...use, countedAt: now, updatedAt: now });
        increments.set(use.articleId, (increments.get(use.articleId) ?? 0) + 1);
      }
      for (const [articleId, n] of increments) {
        const a = this.store.kbArticles.get(articleId);
        if (a) tx.put('kbArticles', { ...a, usedOnTickets: a.usedOnTickets + n });
      }
      this.audit.record(tx, { actor: SYSTEM_ACTOR, action: 'kb.count_uses', entity: 'kbArticle', entityId: null, reason: `${pending.length} use(s) on solved tickets` });
    });
  }
}

/** `next` with a new revision appended when its title or body differs from `previous`. */
function withRevision(next: KbArticle, previous: KbArticle, authorId: string, at: string): KbArticle {
  if (next.title === previous.title && next.body === previous.body) return next;
  const last = previous.history.at(-1)?.version ?? previous.history.length;
  const history = [...previous.history, { version: last + 1, authorId, at, title: next.title, body: next.body }];
  return { ...next, history: history.length > MAX_REVISIONS ? history.slice(history.length - MAX_REVISIONS) : history };
}
