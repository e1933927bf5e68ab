import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { markdownToPlainText } from '../../../shared/kb/text';
import { publicArticleUrl } from '../../../shared/kb/slug';
import { hrefFor } from '../../app/hash-route';
import { useToast } from '../../app/Toaster';
import { BoltIcon, CheckIcon, ExternalLinkIcon, PlusIcon } from '../../components/icons/UiIcons';
import { KbIcon } from '../../components/icons/NavIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { ArticleFromTicketDialog } from './ArticleFromTicketDialog';
import type { SearchHit } from './kb-types';
import './kb.css';

/**
 * Beside a ticket: the knowledge-base articles that match its text (insert the article's text or
 * its public link into the reply), the replies that solved similar tickets and matching macros
 * (insert into the composer, for the agent to edit), and "create article from this ticket".
 * Everything is computed on the server from local data: no network, no model.
 */
export function TicketSuggestionsPanel({ ticketId, onInsert }: { ticketId: string; onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const notify = useToast();
  const articles = useQuery(trpc.kb.suggestForTicket.queryOptions({ ticketId, limit: 4 }));
  const replies = useQuery(trpc.assist.replySuggestions.queryOptions({ ticketId, limit: 4 }));
  const settings = useQuery({ ...trpc.kb.settings.queryOptions(), staleTime: 5 * 60_000 });
  const [creating, setCreating] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const recordUse = useMutation({
    ...trpc.kb.recordUse.mutationOptions(),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.kb.suggestForTicket.queryKey({ ticketId, limit: 4 }) }),
  });
  const site = settings.data?.publicSiteUrl ?? null;
  const used = new Set(articles.data?.used ?? []);

  const insertArticle = async (hit: SearchHit, mode: 'text' | 'link') => {
    setBusy(`${hit.id}:${mode}`);
    try {
      if (mode === 'link' && site) {
        onInsert(`${hit.title}: ${publicArticleUrl(site, hit)}`);
      } else {
        const { article } = await client.kb.get.query({ id: hit.id });
        onInsert(markdownToPlainText(article.body));
      }
      recordUse.mutate({ articleId: hit.id, ticketId, mode });
      notify(t('kb.suggestions.inserted'));
    } catch (err) {
      notify(t(errorMessageKey(err)), 'error');
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel kb-suggestions" aria-labelledby={`kb-suggestions-${ticketId}`}>
      <header className="panel__header">
        <h2 id={`kb-suggestions-${ticketId}`} className="panel__title">
          <KbIcon size={16} />
          {t('kb.suggestions.title')}
        </h2>
      </header>
      <div className="panel__body">
        <h3 className="panel__subtitle">{t('kb.suggestions.articles')}</h3>
        {articles.isPending ? (
          <p className="panel__empty" role="status">
            <Spinner size={14} /> {t('kb.suggestions.loading')}
          </p>
        ) : articles.isError ? (
          <p className="panel__empty">{t('kb.suggestions.error')}</p>
        ) : articles.data.hits.length === 0 ? (
          <p className="panel__empty">{t('kb.suggestions.noArticles')}</p>
        ) : (
          <ul className="kb-suggestion-list" aria-label={t('kb.suggestions.articles')}>
            {articles.data.hits.map((hit) => {
              const linkDisabled = hit.visibility !== 'public' || !site;
              return (
                <li key={hit.id} className="kb-suggestion">
                  <a className="kb-suggestion__title" href={hrefFor('kb', hit.id)} title={t('kb.suggestions.open')}>
                    {hit.title}
                  </a>
                  <p className="kb-suggestion__snippet">{hit.snippet}</p>
                  <div className="kb-suggestion__actions">
                    {used.has(hit.id) ? (
                      <span className="pill pill--success">
                        <CheckIcon size={12} />
                        {t('kb.suggestions.used')}
                      </span>
                    ) : null}
                    <button type="button" className="button button--xs" disabled={busy !== null} aria-label={t('kb.suggestions.insertTextOf', { title: hit.title })} onClick={() => void insertArticle(hit, 'text')}>
                      {busy === `${hit.id}:text` ? <Spinner size={12} /> : <PlusIcon size={12} />}
                      {t('kb.suggestions.insertText')}
                    </button>
                    <button
                      type="button"
                      className="button button--xs button--ghost"
                      disabled={busy !== null || linkDisabled}
                      aria-label={t('kb.suggestions.insertLinkOf', { title: hit.title })}
                      title={linkDisabled ? (hit.visibility !== 'public' ? t('kb.suggestions.linkUnavailableInternal') : t('kb.suggestions.linkUnavailableNoSite')) : undefined}
                      onClick={() => void insertArticle(hit, 'link')}
                    >
                      <ExternalLinkIcon size={12} />
                      {t('kb.suggestions.insertLink')}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}

        <h3 className="panel__subtitle">{t('kb.suggestions.replies')}</h3>
        {replies.isPending ? (
          <p className="panel__empty" role="status">
            <Spinner size={14} /> {t('kb.suggestions.loading')}
          </p>
        ) : replies.isError ? (
          <p className="panel__empty">{t('kb.suggestions.error')}</p>
        ) : replies.data.length === 0 ? (
          <p className="panel__empty">{t('kb.suggestions.noReplies')}</p>
        ) : (
          <ul className="kb-suggestion-list" aria-label={t('kb.suggestions.replies')}>
            {replies.data.map((r, i) => (
              <li key={`${r.kind}-${r.macroId ?? i}`} className="kb-suggestion">
                <p className="kb-suggestion__reply">{r.text}</p>
                <div className="kb-suggestion__actions">
                  <span className="kb-suggestion__source">
                    {r.kind === 'macro' ? (
                      <>
                        <BoltIcon size={12} /> {t('kb.suggestions.macro', { name: r.macroName ?? '' })}
                      </>
                    ) : (
                      t('kb.suggestions.solvedTickets', { count: r.sources.length })
                    )}
                  </span>
                  <meter className="kb-suggestion__meter" min={0} max={1} value={r.score} aria-label={t('kb.suggestions.match', { percent: Math.round(r.score * 100) })} title={t('kb.suggestions.match', { percent: Math.round(r.score * 100) })} />
                  <button type="button" className="button button--xs" aria-label={t('kb.suggestions.insertReplyLabel')} onClick={() => onInsert(r.text)}>
                    <PlusIcon size={12} />
                    {t('kb.suggestions.insertReply')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        <p className="kb-suggestions__note muted">{t('kb.suggestions.offline')}</p>
      </div>
      <footer className="panel__footer">
        <button type="button" className="button button--sm" onClick={() => setCreating(true)}>
          <PlusIcon size={14} />
          {t('kb.suggestions.createArticle')}
        </button>
      </footer>
      {creating ? <ArticleFromTicketDialog ticketId={ticketId} onClose={() => setCreating(false)} /> : null}
    </section>
  );
}
