import type { RouterOutputs } from '../../lib/trpc';

export type ArticleSummary = RouterOutputs['kb']['list'][number];
export type ArticleDetail = RouterOutputs['kb']['get'];
export type Article = ArticleDetail['article'];
export type SearchHit = RouterOutputs['kb']['search'][number];
export type ReplySuggestion = RouterOutputs['assist']['replySuggestions'][number];
export type SurveyView = RouterOutputs['surveys']['forTicket']['surveys'][number];
export type FollowUp = RouterOutputs['surveys']['followUps'][number];

/** What the editor edits: an article's input fields. */
export interface ArticleDraft {
  title: string;
  body: string;
  category: string | null;
  tags: string[];
  visibility: 'internal' | 'public';
  language: 'pt-BR' | 'en';
  attachments: { name: string; contentType: string; size: number; url: string | null }[];
  sourceTicketId: string | null;
}

export const emptyDraft = (language: 'pt-BR' | 'en'): ArticleDraft => ({
  title: '',
  body: '',
  category: null,
  tags: [],
  visibility: 'internal',
  language,
  attachments: [],
  sourceTicketId: null,
});

export function draftOf(a: Article): ArticleDraft {
  return {
    title: a.title,
    body: a.body,
    category: a.category,
    tags: a.tags,
    visibility: a.visibility,
    language: a.language,
    attachments: a.attachments.map((x) => ({ name: x.name, contentType: x.contentType, size: x.size, url: x.url })),
    sourceTicketId: a.sourceTicketId,
  };
}

export const isEditor = (role: string) => role === 'supervisor' || role === 'admin';
