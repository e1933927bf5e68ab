import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ArticleStatusSchema, IdSchema, KbArticleInputSchema } from '../../../shared/schemas';
import { isKbEditor, KbSettingsSchema } from '../../domain/kb/kb.service';
import { actorOf } from '../context';
import type { PublicUser } from '../../../shared/schemas';
import { authed, domainError, procedure, router } from '../trpc';

const Versioned = z.object({ id: IdSchema, version: z.number().int().nonnegative() });


/** The signed-in user as an actor with an id (user-owned records need one). */
const userActor = (u: PublicUser) => ({ id: u.id, name: u.username });

/**
 * Knowledge base: everyone reads and searches published articles and proposes; supervisors and
 * admins edit, publish, archive and review proposals (roles in procedure-roles.ts).
 */
export const kbRouter = router({
  /** Articles the user may read, newest change first; `proposals`: agents' proposals awaiting review. */
  list: procedure
    .input(z.object({ status: z.union([ArticleStatusSchema, z.literal('proposals')]).optional(), category: z.string().max(80).nullable().optional() }).prefault({}))
    .query(({ ctx, input }) => ctx.services.kb.list(authed(ctx).user, input)),
  /** Categories of published articles with their counts. */
  categories: procedure.query(({ ctx }) => ctx.services.kb.categories()),
  /** One article with its revisions, and the names of the people in them. */
  get: procedure.input(z.object({ id: IdSchema })).query(({ ctx, input }) => {
    const { user } = authed(ctx);
    const article = ctx.services.kb.get(input.id, user);
    if (!article) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    const ids = new Set([article.authorId, ...article.history.map((h) => h.authorId), ...(article.proposedBy ? [article.proposedBy] : [])]);
    const names = Object.fromEntries([...ids].map((id) => [id, ctx.services.store.users.get(id)?.displayName ?? id]));
    const proposals = isKbEditor(user.role) ? ctx.services.kb.list(user, { status: 'proposals' }).filter((p) => p.proposalFor === article.id) : [];
    const proposalForTitle = article.proposalFor ? (ctx.services.store.kbArticles.get(article.proposalFor)?.title ?? null) : null;
    return { article, names, proposals, proposalForTitle };
  }),
  /** Ranked full-text search (accents, stemming, typos, prefix of the last word). */
  search: procedure
    .input(z.object({ query: z.string().trim().min(1).max(300), limit: z.number().int().min(1).max(50).default(20), includeUnpublished: z.boolean().default(false) }))
    .query(({ ctx, input }) => ctx.services.kb.search(authed(ctx).user, input.query, { limit: input.limit, includeUnpublished: input.includeUnpublished })),
  /** The published articles that best match a ticket's text, with those already used on it. */
  suggestForTicket: procedure.input(z.object({ ticketId: IdSchema, limit: z.number().int().min(1).max(20).default(5) })).query(({ ctx, input }) => {
    const hits = ctx.services.kb.suggestForTicket(input.ticketId, input.limit);
    if (!hits) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return { hits, used: ctx.services.kb.usesOnTicket(input.ticketId).map((u) => u.articleId) };
  }),
  /** "Create article from this ticket": fields prefilled from the ticket and its resolution. */
  draftFromTicket: procedure.input(z.object({ ticketId: IdSchema, language: z.enum(['pt-BR', 'en']).default('pt-BR') })).query(({ ctx, input }) => {
    const draft = ctx.services.kb.draftFromTicket(input.ticketId, input.language);
    if (!draft) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.not_found' });
    return draft;
  }),
  /** The agent inserted an article into a reply (counted on the article when the ticket is solved). */
  recordUse: procedure.input(z.object({ articleId: IdSchema, ticketId: IdSchema, mode: z.enum(['link', 'text']) })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.kb.recordUse(input.articleId, input.ticketId, input.mode, userActor(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r;
  }),
  /** An agent's proposal: a new article, or a change to `proposalFor`. */
  propose: procedure.input(z.object({ article: KbArticleInputSchema, proposalFor: IdSchema.nullable().default(null) })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.kb.propose(input.article, input.proposalFor, userActor(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r.article;
  }),
  create: procedure.input(z.object({ article: KbArticleInputSchema, status: ArticleStatusSchema.default('draft') })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.kb.create(input.article, input.status, userActor(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r.article;
  }),
  /** Saves a change (a new revision when title or text changed); a stale `version` → CONFLICT. */
  update: procedure.input(Versioned.extend({ article: KbArticleInputSchema })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.kb.update(input.id, input.version, input.article, userActor(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r.article;
  }),
  setStatus: procedure.input(Versioned.extend({ status: ArticleStatusSchema })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.kb.setStatus(input.id, input.version, input.status, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r.article;
  }),
  acceptProposal: procedure.input(z.object({ id: IdSchema })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.kb.acceptProposal(input.id, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r.article;
  }),
  rejectProposal: procedure.input(z.object({ id: IdSchema, reason: z.string().trim().max(1000).default('') })).mutation(async ({ ctx, input }) => {
    const r = await ctx.services.kb.rejectProposal(input.id, input.reason, actorOf(authed(ctx).user));
    if (!r.ok) throw domainError(r.reason);
    return r;
  }),
  /** Where the exported self-service site is published (article links in replies). */
  settings: procedure.query(({ ctx }) => ctx.services.kb.settings()),
  saveSettings: procedure.input(KbSettingsSchema.partial()).mutation(({ ctx, input }) => ctx.services.kb.saveSettings(input, actorOf(authed(ctx).user))),
  /** Articles that helped solve tickets (for editors). */
  usefulness: procedure.input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).prefault({})).query(({ ctx, input }) => ctx.services.kb.usefulness(input.limit)),
});
