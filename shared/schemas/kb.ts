import { z } from 'zod';
import { IdSchema, RecordMetaSchema, TagSchema } from './common';
import { AttachmentMetaSchema } from './interaction';

export const ArticleStatusSchema = z.enum(['draft', 'published', 'archived']);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;
export const ArticleVisibilitySchema = z.enum(['internal', 'public']);
export const ArticleLanguageSchema = z.enum(['pt-BR', 'en']);

/** One saved revision of an article's text (the newest is the current one). */
export const ArticleRevisionSchema = z.object({ version: z.number().int(), authorId: IdSchema, at: z.iso.datetime(), title: z.string(), body: z.string() });
export type ArticleRevision = z.infer<typeof ArticleRevisionSchema>;

export const KbArticleSchema = RecordMetaSchema.extend({
  title: z.string().trim().min(1).max(200),
  /** Markdown; rendered sanitized. */
  body: z.string().max(200_000),
  category: z.string().max(80).nullable(),
  tags: z.array(TagSchema).max(50),
  status: ArticleStatusSchema,
  visibility: ArticleVisibilitySchema,
  language: ArticleLanguageSchema,
  authorId: IdSchema,
  history: z.array(ArticleRevisionSchema).max(500),
  /** Solved tickets on which an agent used this article (inserted its link or text). */
  usedOnTickets: z.number().int().nonnegative(),
  /** Metadata of documents that go with the article (the files live elsewhere, e.g. the intranet). */
  attachments: z.array(AttachmentMetaSchema).max(50).default([]),
  /** Set on an agent's proposal (a draft an editor accepts or rejects). */
  proposedBy: IdSchema.nullable().default(null),
  /** A proposal to change this existing article (null: a proposal for a new article). */
  proposalFor: IdSchema.nullable().default(null),
  /** The ticket the article was written from ("create article from this ticket"). */
  sourceTicketId: IdSchema.nullable().default(null),
});
export type KbArticle = z.infer<typeof KbArticleSchema>;

/** What an editor (or a proposing agent) sends for an article. */
export const KbArticleInputSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(200_000),
  category: z.string().trim().max(80).nullable().default(null),
  tags: z.array(TagSchema).max(50).default([]),
  visibility: ArticleVisibilitySchema.default('internal'),
  language: ArticleLanguageSchema.default('pt-BR'),
  attachments: z.array(AttachmentMetaSchema).max(50).default([]),
  sourceTicketId: IdSchema.nullable().default(null),
});
export type KbArticleInput = z.input<typeof KbArticleInputSchema>;

/** An agent used an article on a ticket; counted on the article once the ticket is solved. */
export const KbUseSchema = RecordMetaSchema.extend({
  articleId: IdSchema,
  ticketId: IdSchema,
  userId: IdSchema,
  mode: z.enum(['link', 'text']),
  /** When the use was counted in the article's `usedOnTickets` (the ticket was solved). */
  countedAt: z.iso.datetime().nullable(),
});
export type KbUse = z.infer<typeof KbUseSchema>;
