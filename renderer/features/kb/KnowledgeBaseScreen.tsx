import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/hash-route';
import { navigateToHref, useHashLocation } from '../../app/useHashRoute';
import { EmptyState } from '../../components/EmptyState';
import { KbIcon } from '../../components/icons/NavIcons';
import { AlertIcon, PlusIcon, SearchIcon } from '../../components/icons/UiIcons';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLanguage } from '../../lib/useLanguage';
import { useSession } from '../auth/useSession';
import { ArticleEditor, type EditorMode } from './ArticleEditor';
import { ArticleStatus, ArticleView } from './ArticleView';
import { draftOf, emptyDraft, isEditor, type ArticleDraft, type ArticleSummary } from './kb-types';
import { UsefulnessTable } from './UsefulnessTable';
import './kb.css';

type View = 'published' | 'draft' | 'archived' | 'proposals' | 'usefulness';

/**
 * The knowledge base: search (accents, stemming, typos), categories, the list on the left and the
 * article (or the editor) on the right; editors also see drafts, archived articles, agents'
 * proposals and which articles helped solve tickets. `#/kb/<id>` opens an article.
 */
export function KnowledgeBaseScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [language] = useLanguage();
  const { user } = useSession();
  const editor = isEditor(user.role);
  const location = useHashLocation();
  const selected = location.routeId === 'kb' ? (location.params[0] ?? null) : null;
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [view, setView] = useState<View>('published');
  const [editing, setEditing] = useState<{ mode: EditorMode; initial: ArticleDraft } | null>(null);
  const debounced = useDebouncedValue(query.trim(), 200);
  useDocumentTitle(t('kb.screen.title'));

  const searching = debounced.length > 0 && view !== 'usefulness';
  const search = useQuery({ ...trpc.kb.search.queryOptions({ query: debounced, limit: 30, includeUnpublished: editor && view !== 'published' }), enabled: searching });
  const list = useQuery({ ...trpc.kb.list.queryOptions({ status: view === 'usefulness' ? 'published' : view }), enabled: !searching });
  const categories = useQuery({ ...trpc.kb.categories.queryOptions(), staleTime: 60_000 });

  const open = (id: string | null) => {
    setEditing(null);
    navigateToHref(id ? hrefFor('kb', id) : hrefFor('kb'));
  };
  const items: ArticleSummary[] = (searching ? search.data : list.data)?.filter((a) => category === null || a.category === category) ?? [];
  const pending = searching ? search.isPending : list.isPending;
  const failed = searching ? search.error : list.error;
  const views: View[] = editor ? ['published', 'draft', 'archived', 'proposals', 'usefulness'] : ['published', 'proposals'];

  return (
    <section className="screen kb-screen" aria-labelledby="screen-title">
      <ScreenHeader
        title={t('kb.screen.title')}
        subtitle={t('kb.screen.subtitle')}
        actions={
          <button
            type="button"
            className="button button--primary"
            onClick={() => setEditing({ mode: editor ? { kind: 'create' } : { kind: 'propose', proposalFor: null }, initial: emptyDraft(language) })}
          >
            <PlusIcon size={16} />
            {editor ? t('kb.screen.newArticle') : t('kb.screen.proposeArticle')}
          </button>
        }
      />
      <div className="kb-toolbar">
        <div className="kb-search">
          <label htmlFor="kb-search-input" className="visually-hidden">
            {t('kb.screen.searchLabel')}
          </label>
          <SearchIcon size={16} />
          <input id="kb-search-input" type="search" className="input kb-search__input" placeholder={t('kb.screen.searchPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        </div>
        <div className="kb-views" role="group" aria-label={t('kb.screen.viewsLabel')}>
          {views.map((v) => (
            <button key={v} type="button" className="chip-button" aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`kb.screen.views.${v}`)}
            </button>
          ))}
        </div>
      </div>
      {(categories.data ?? []).length > 0 && view !== 'usefulness' ? (
        <div className="kb-categories" role="group" aria-label={t('kb.screen.categories')}>
          <button type="button" className="chip-button" aria-pressed={category === null} onClick={() => setCategory(null)}>
            {t('kb.screen.allCategories')}
          </button>
          {(categories.data ?? []).map((c) => (
            <button key={c.name} type="button" className="chip-button" aria-pressed={category === c.name} onClick={() => setCategory(c.name)}>
              {c.name} <span className="kb-count">{c.count}</span>
            </button>
          ))}
        </div>
      ) : null}

      <div className="kb-layout">
        {view === 'usefulness' ? (
          <div className="panel kb-wide">
            <UsefulnessTable onOpen={(id) => open(id)} />
          </div>
        ) : (
          <nav className="panel kb-list" aria-label={t('kb.screen.listLabel')}>
            <p className="kb-list__count" role="status">
              {pending ? t('app.loading') : searching ? t('kb.screen.results', { count: items.length }) : t('kb.screen.articles', { count: items.length })}
            </p>
            {pending ? (
              <EmptyState icon={<Spinner size={22} />} title={t('app.loading')} />
            ) : failed ? (
              <EmptyState tone="danger" role="alert" icon={<AlertIcon size={22} />} title={t('kb.screen.loadError')} body={t(errorMessageKey(failed))} />
            ) : items.length === 0 ? (
              <EmptyState icon={<KbIcon size={26} />} title={searching ? t('kb.screen.noResultsTitle') : t('kb.screen.emptyTitle')} body={searching ? t('kb.screen.noResultsBody') : t('kb.screen.emptyBody')} />
            ) : (
              <ul className="kb-list__items">
                {items.map((a) => (
                  <li key={a.id}>
                    <a className="kb-list__item" href={hrefFor('kb', a.id)} aria-current={a.id === selected ? 'page' : undefined} onClick={() => setEditing(null)}>
                      <span className="kb-list__title">{a.title}</span>
                      <span className="kb-list__meta">
                        {a.status !== 'published' || a.proposedBy ? <ArticleStatus status={a.status} proposal={a.proposedBy !== null} /> : null}
                        <span>{a.category ?? t('kb.article.noCategory')}</span>
                        {a.usedOnTickets > 0 ? <span>· {t('kb.article.usedOn', { count: a.usedOnTickets })}</span> : null}
                      </span>
                      <span className="kb-list__snippet">{a.snippet}</span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </nav>
        )}
        {view !== 'usefulness' ? (
          <div className="panel kb-detail">
            {editing ? (
              <div className="kb-detail__editor">
                <h2 className="kb-detail__heading">
                  {editing.mode.kind === 'create'
                    ? t('kb.editor.newTitle')
                    : editing.mode.kind === 'edit'
                      ? t('kb.editor.editTitle')
                      : editing.mode.proposalFor
                        ? t('kb.editor.proposeChangeTitle')
                        : t('kb.editor.proposeTitle')}
                </h2>
                <ArticleEditor
                  key={editing.mode.kind === 'edit' ? `${editing.mode.article.id}:${editing.mode.article.version}` : editing.mode.kind}
                  mode={editing.mode}
                  initial={editing.initial}
                  onDone={(a) => open(a.id)}
                  onCancel={() => setEditing(null)}
                />
              </div>
            ) : selected ? (
              <ArticleView
                key={selected}
                id={selected}
                onOpen={open}
                onEdit={(a) => setEditing({ mode: { kind: 'edit', article: a }, initial: draftOf(a) })}
                onPropose={(a) => setEditing({ mode: { kind: 'propose', proposalFor: a }, initial: { ...draftOf(a), sourceTicketId: null } })}
              />
            ) : (
              <EmptyState icon={<KbIcon size={28} />} title={t('kb.screen.pickTitle')} body={t('kb.screen.pickBody')} />
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
