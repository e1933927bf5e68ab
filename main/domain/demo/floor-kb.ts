import type { KbArticle, KbUse, Ticket } from '../../../shared/schemas';
import { DEMO_ARTICLES } from './demo-kb';
import type { DemoUser } from './floor-types';
import type { Prng } from './prng';

/** At most this many article uses are generated (the benchmark floors have 200k tickets). */
const MAX_USES = 2000;

/**
 * The demo knowledge base: the articles of demo-kb.ts, all published, and their uses on a share of
 * the solved tickets of their category, so the editors' "usefulness" view has figures.
 */
export function generateKb(rng: Prng, opts: { tickets: readonly Ticket[]; supervisor: DemoUser | undefined; createdAt: string }): { kbArticles: KbArticle[]; kbUses: KbUse[] } {
  const authorId = opts.supervisor?.id ?? 'usr_demo';
  const kbArticles: KbArticle[] = DEMO_ARTICLES.map((a, i) => ({
    id: `kb_demo_${i + 1}`,
    createdAt: opts.createdAt,
    updatedAt: opts.createdAt,
    version: 0,
    title: a.title,
    body: a.body,
    category: a.category,
    tags: a.tags,
    status: 'published',
    visibility: a.visibility,
    language: a.language ?? 'pt-BR',
    authorId,
    history: [{ version: 1, authorId, at: opts.createdAt, title: a.title, body: a.body }],
    usedOnTickets: 0,
    attachments: [],
    proposedBy: null,
    proposalFor: null,
    sourceTicketId: null,
  }));
  const byCategory = new Map<string, KbArticle[]>();
  for (const a of kbArticles) if (a.category && a.language === 'pt-BR') byCategory.set(a.category, [...(byCategory.get(a.category) ?? []), a]);
  const kbUses: KbUse[] = [];
  for (const t of opts.tickets) {
    if (kbUses.length >= MAX_USES) break;
    if ((t.status !== 'solved' && t.status !== 'closed') || !t.assigneeId || !t.solvedAt || !rng.chance(0.18)) continue;
    const candidates = byCategory.get(t.category ?? '') ?? [];
    if (candidates.length === 0) continue;
    // The first articles of a category are the general ones agents reach for most.
    const article = candidates[Math.min(candidates.length - 1, Math.floor(Math.pow(rng.next(), 2) * candidates.length))] as KbArticle;
    kbUses.push({ id: rng.id('kbu'), createdAt: t.solvedAt, updatedAt: t.solvedAt, version: 0, articleId: article.id, ticketId: t.id, userId: t.assigneeId, mode: rng.chance(0.6) ? 'text' : 'link', countedAt: t.solvedAt });
    article.usedOnTickets++;
  }
  return { kbArticles, kbUses };
}
