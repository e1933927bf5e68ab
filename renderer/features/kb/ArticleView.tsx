import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { publicArticleUrl } from '../../../shared/kb/slug';
import { ticketHref } from '../../app/hash-route';
import { useToast } from '../../app/Toaster';
import { EmptyState } from '../../components/EmptyState';
import { AlertIcon, CheckIcon, ClockIcon, EditIcon, ExternalLinkIcon, TagIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { copyText } from '../../lib/clipboard';
import { errorMessageKey } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useLanguage } from '../../lib/useLanguage';
import { useSession } from '../auth/useSession';
import { isEditor, type Article } from './kb-types';
import { MarkdownView } from './MarkdownView';

/** Status pill of an article (a proposal shows as such). */
export function ArticleStatus({ status, proposal }: { status: Article['status']; proposal: boolean }) {
  const { t } = useTranslation();
  const key = proposal ? 'proposal' : status;
  return <span className={`kb-status kb-status--${key}`}>{t(`kb.status.${key}`)}</span>;
}

/**
 * One article: its text (sanitized Markdown), category, tags, attachments, usefulness and revision
 * history; editors edit, publish, archive and review proposals; agents propose changes.
 */
export function ArticleView({ id, onEdit, onPropose, onOpen }: { id: string; onEdit: (a: Article) => void; onPropose: (a: Article) => void; onOpen: (id: string | null) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [language] = useLanguage();
  const { user } = useSession();
  const editor = isEditor(user.role);
  const detail = useQuery(trpc.kb.get.queryOptions({ id }));
  const settings = useQuery({ ...trpc.kb.settings.queryOptions(), staleTime: 5 * 60_000 });
  const [showHistory, setShowHistory] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);

  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.kb.pathKey() });
  const onError = (err: unknown) => notify(t(errorMessageKey(err)), 'error');
  const setStatus = useMutation({
    ...trpc.kb.setStatus.mutationOptions(),
    onSuccess: (a) => {
      refresh();
      notify(t(a.status === 'published' ? 'kb.article.published' : a.status === 'archived' ? 'kb.article.archived' : 'kb.article.drafted'));
    },
    onError,
  });
  const accept = useMutation({
    ...trpc.kb.acceptProposal.mutationOptions(),
    onSuccess: (a) => {
      refresh();
      notify(t('kb.article.accepted'));
      onOpen(a.id);
    },
    onError,
  });
  const reject = useMutation({
    ...trpc.kb.rejectProposal.mutationOptions(),
    onSuccess: () => {
      refresh();
      notify(t('kb.article.rejected'));
      onOpen(null);
    },
    onError,
  });

  if (detail.isPending) return <EmptyState role="status" icon={<Spinner size={24} />} title={t('kb.article.loading')} />;
  if (detail.isError) return <EmptyState tone="danger" role="alert" icon={<AlertIcon size={24} />} title={t(errorMessageKey(detail.error))} />;

  const { article, names, proposals, proposalForTitle } = detail.data;
  const proposal = article.proposedBy !== null;
  const target = proposal && article.proposalFor ? article.proposalFor : null;
  const shown = viewing === null ? null : article.history.find((h) => h.version === viewing);
  const current = article.history.at(-1)?.version ?? 1;
  const busy = setStatus.isPending || accept.isPending || reject.isPending;
  const site = settings.data?.publicSiteUrl ?? null;
  const publicUrl = site && article.visibility === 'public' && article.status === 'published' && !proposal ? publicArticleUrl(site, article) : null;

  return (
    <article className="kb-article" aria-labelledby="kb-article-title">
      <header className="kb-article__header">
        <div className="kb-article__badges">
          <ArticleStatus status={article.status} proposal={proposal} />
          <span className={`kb-visibility kb-visibility--${article.visibility}`}>{t(`kb.visibility.${article.visibility}`)}</span>
          <span className="kb-lang">{t(`kb.language.${article.language}`)}</span>
          <span className="kb-category">{article.category ?? t('kb.article.noCategory')}</span>
        </div>
        <h2 id="kb-article-title" className="kb-article__title">
          {shown ? shown.title : article.title}
        </h2>
        {proposal ? (
          <p className="kb-article__proposal">
            {target ? t('kb.article.proposalOf', { title: proposalForTitle ?? '' }) : t('kb.article.proposalNew')} · {t('kb.article.proposedBy', { name: names[article.proposedBy ?? ''] ?? '' })}
          </p>
        ) : null}
        <p className="kb-article__meta">
          <ClockIcon size={14} />
          {t('kb.article.updated', { date: formatDateTime(article.updatedAt, language) })} · {t('kb.article.revision', { version: current })}
          {article.usedOnTickets > 0 ? <> · {t('kb.article.usedOn', { count: article.usedOnTickets })}</> : null}
          {article.sourceTicketId ? (
            <>
              {' · '}
              <a href={ticketHref(article.sourceTicketId)}>{t('kb.article.fromTicket')}</a>
            </>
          ) : null}
        </p>
        <div className="kb-article__actions">
          {editor && proposal ? (
            <>
              <button type="button" className="button button--primary button--sm" disabled={busy} onClick={() => accept.mutate({ id: article.id })}>
                <CheckIcon size={14} />
                {t('kb.article.accept')}
              </button>
              <button type="button" className="button button--sm button--danger-text" disabled={busy} onClick={() => reject.mutate({ id: article.id, reason: '' })}>
                {t('kb.article.reject')}
              </button>
            </>
          ) : null}
          {editor && !proposal ? (
            <>
              <button type="button" className="button button--sm" onClick={() => onEdit(article)} disabled={busy}>
                <EditIcon size={14} />
                {t('kb.article.edit')}
              </button>
              {article.status !== 'published' ? (
                <button type="button" className="button button--primary button--sm" disabled={busy} onClick={() => setStatus.mutate({ id: article.id, version: article.version, status: 'published' })}>
                  {article.status === 'archived' ? t('kb.article.restore') : t('kb.article.publish')}
                </button>
              ) : (
                <button type="button" className="button button--sm" disabled={busy} onClick={() => setStatus.mutate({ id: article.id, version: article.version, status: 'draft' })}>
                  {t('kb.article.unpublish')}
                </button>
              )}
              {article.status !== 'archived' ? (
                <button type="button" className="button button--sm button--danger-text" disabled={busy} onClick={() => setStatus.mutate({ id: article.id, version: article.version, status: 'archived' })}>
                  {t('kb.article.archive')}
                </button>
              ) : null}
            </>
          ) : null}
          {!editor && !proposal && article.status === 'published' ? (
            <button type="button" className="button button--sm" onClick={() => onPropose(article)}>
              <EditIcon size={14} />
              {t('kb.article.proposeChange')}
            </button>
          ) : null}
          {publicUrl ? (
            <button
              type="button"
              className="button button--ghost button--sm"
              title={publicUrl}
              onClick={() => void copyText(publicUrl).then((ok) => notify(ok ? t('kb.survey.copied') : t('errors.unknown'), ok ? 'success' : 'error'))}
            >
              <ExternalLinkIcon size={14} />
              {t('kb.article.copyLink')}
            </button>
          ) : null}
        </div>
        {editor && proposals.length > 0 ? (
          <div className="alert alert--info kb-article__pending" role="status">
            <span>{t('kb.article.pendingProposals', { count: proposals.length })}</span>
            {proposals.map((p) => (
              <button key={p.id} type="button" className="button button--ghost button--xs" onClick={() => onOpen(p.id)}>
                {formatDateTime(p.updatedAt, language)}
              </button>
            ))}
          </div>
        ) : null}
      </header>

      {shown ? (
        <div className="alert alert--warning kb-article__viewing" role="status">
          <span>{t('kb.history.viewing', { version: shown.version })}</span>
          <button type="button" className="button button--ghost button--xs" onClick={() => setViewing(null)}>
            {t('kb.history.backToCurrent')}
          </button>
        </div>
      ) : null}
      <MarkdownView markdown={shown ? shown.body : article.body} className="kb-article__body" />

      {article.tags.length > 0 ? (
        <section className="kb-article__section" aria-label={t('kb.article.tags')}>
          <ul className="tag-list">
            {article.tags.map((tag) => (
              <li key={tag} className="tag">
                <TagIcon size={12} />
                {tag}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {article.attachments.length > 0 ? (
        <section className="kb-article__section">
          <h3 className="panel__subtitle">{t('kb.article.attachments')}</h3>
          <ul className="kb-attachments">
            {article.attachments.map((a, i) => (
              <li key={`${a.name}-${i}`}>
                {a.url && /^https?:/i.test(a.url) ? (
                  <a href={a.url} target="_blank" rel="noopener noreferrer">
                    {a.name}
                  </a>
                ) : (
                  <span>{a.name}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="kb-article__section">
        <button type="button" className="button button--ghost button--sm" aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
          {showHistory ? t('kb.history.hide') : t('kb.history.show', { count: article.history.length })}
        </button>
        {showHistory ? (
          <ol className="kb-history" aria-label={t('kb.history.title')}>
            {[...article.history].reverse().map((h) => (
              <li key={h.version} className="kb-history__item">
                <span>
                  {t('kb.history.entry', { version: h.version, author: names[h.authorId] ?? h.authorId, date: formatDateTime(h.at, language) })}
                  {h.version === current ? <span className="pill pill--muted">{t('kb.history.current')}</span> : null}
                </span>
                {h.version !== current ? (
                  <button type="button" className="button button--ghost button--xs" onClick={() => setViewing(h.version)} aria-pressed={viewing === h.version}>
                    {t('kb.history.view')}
                  </button>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
      </section>
    </article>
  );
}
