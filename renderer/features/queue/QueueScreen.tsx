import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueScope } from '../../../shared/schemas/queue';
import { ticketHref } from '../../app/hash-route';
import { navigateToHref } from '../../app/useHashRoute';
import { EmptyState } from '../../components/EmptyState';
import type { FilterOption } from '../../components/FilterMenu';
import { AlertIcon, InboxIcon, RefreshIcon, SearchIcon } from '../../components/icons/UiIcons';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { isScreenShortcut } from '../../lib/keyboard';
import { useTRPC } from '../../lib/trpc';
import { useLanguage } from '../../lib/useLanguage';
import { useNow } from '../../lib/useNow';
import { useSession } from '../auth/useSession';
import { FilterBar } from './FilterBar';
import { activeFilterCount, emptyFilter } from './queue-filter';
import { SavedViews } from './SavedViews';
import { TicketTable } from './TicketTable';
import { useQueueFilter } from './useQueueFilter';
import { useQueueTickets, type QueueRow } from './useQueueTickets';

/** The ticket opened last from the queue: its row has the focus when the agent comes back. */
let lastOpenedId: string | null = null;

/** The agent's work list: filters, saved views, scopes; most urgent SLA first; live. */
export function QueueScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [language] = useLanguage();
  const { user } = useSession();
  const now = useNow(15_000);
  const [filter, setFilter] = useQueueFilter();
  const { query, rows, total, live } = useQueueTickets(filter);
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const searchRef = useRef<HTMLInputElement>(null);
  const lead = user.role !== 'agent';
  const scope: QueueScope = filter.scope ?? (lead ? 'all' : 'mine');

  const teams = useQuery({ ...trpc.teams.list.queryOptions(), staleTime: 5 * 60_000 });
  const users = useQuery({ ...trpc.users.list.queryOptions(), enabled: lead, staleTime: 5 * 60_000 });

  // Only a refresh the agent asked for shows as busy; live refetches stay quiet.
  const [refreshing, setRefreshing] = useState(false);
  const refresh = () => {
    setRefreshing(true);
    void query.refetch().finally(() => setRefreshing(false));
  };

  // "/" jumps to the search box.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== '/' || !isScreenShortcut(event)) return;
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const open = useCallback((row: QueueRow) => {
    lastOpenedId = row.id;
    navigateToHref(ticketHref(row.id));
  }, []);

  const teamOptions: FilterOption[] = useMemo(() => (teams.data ?? []).map((team) => ({ value: team.id, label: team.name })), [teams.data]);
  const assigneeOptions: FilterOption[] = useMemo(
    () => [
      { value: 'me', label: t('workspace.filters.me') },
      { value: 'unassigned', label: t('queue.unassigned') },
      ...(users.data ?? [])
        .filter((u) => u.active && u.id !== user.id && u.role === 'agent')
        .sort((a, b) => a.displayName.localeCompare(b.displayName, language))
        .map((u) => ({ value: u.id, label: u.displayName })),
    ],
    [users.data, user.id, language, t],
  );
  const tagOptions: FilterOption[] = useMemo(() => {
    const seen = new Set<string>();
    for (const row of rows) for (const tag of row.tags) seen.add(tag);
    return [...seen].sort().slice(0, 30).map((tag) => ({ value: tag, label: tag }));
  }, [rows]);

  const setScope = (next: QueueScope) => setFilter({ ...filter, scope: next });
  const filtered = activeFilterCount(filter) > 0;

  let body;
  if (query.isPending) {
    body = <EmptyState role="status" icon={<Spinner size={28} />} title={t('queue.loading')} />;
  } else if (query.isError && rows.length === 0) {
    body = (
      <EmptyState
        tone="danger"
        role="alert"
        icon={<AlertIcon size={28} />}
        title={t('queue.errorTitle')}
        body={t(errorMessageKey(query.error))}
        action={
          <button type="button" className="button" onClick={refresh}>
            {t('app.retry')}
          </button>
        }
      />
    );
  } else if (rows.length === 0) {
    body = filtered ? (
      <EmptyState
        role="status"
        icon={<SearchIcon size={28} />}
        title={t('workspace.queue.noMatchTitle')}
        body={t('workspace.queue.noMatchBody')}
        action={
          <button type="button" className="button" onClick={() => setFilter({ ...emptyFilter(), ...(filter.scope ? { scope: filter.scope } : {}) })}>
            {t('workspace.filters.clearAll', { count: activeFilterCount(filter) })}
          </button>
        }
      />
    ) : (
      <EmptyState role="status" icon={<InboxIcon size={28} />} title={t('queue.emptyTitle')} body={t('queue.emptyBody')} />
    );
  } else {
    body = (
      <TicketTable
        rows={rows}
        total={total}
        hasMore={Boolean(hasNextPage)}
        loadingMore={isFetchingNextPage}
        onLoadMore={loadMore}
        onOpen={open}
        initialActiveId={lastOpenedId}
        now={now}
        language={language}
      />
    );
  }

  const scopes: QueueScope[] = lead ? ['mine', 'teams', 'all'] : ['mine', 'teams'];
  return (
    <section className="screen screen--fill" aria-labelledby="screen-title">
      <ScreenHeader
        title={t('queue.title')}
        subtitle={t('queue.subtitle')}
        meta={query.isSuccess ? <span className="count-pill">{t('queue.count', { count: total })}</span> : null}
        actions={
          <>
            <div className="segmented" role="group" aria-label={t('workspace.queue.scope')}>
              {scopes.map((s) => (
                <button key={s} type="button" className="segmented__item segmented__item--wide" aria-pressed={scope === s} onClick={() => setScope(s)}>
                  {t(`workspace.queue.scopes.${s}`)}
                </button>
              ))}
            </div>
            <span className={`live-badge${live ? ' live-badge--on' : ''}`} title={t('queue.liveHint')}>
              <span className="live-badge__dot" aria-hidden="true" />
              {t('queue.live')}
            </span>
            <button type="button" className="button" onClick={refresh} disabled={refreshing} aria-busy={refreshing || undefined}>
              {refreshing ? <Spinner size={16} /> : <RefreshIcon size={16} />}
              {t('queue.refresh')}
            </button>
          </>
        }
      />
      <div className="queue-tools">
        <FilterBar filter={filter} onChange={setFilter} teams={teamOptions} assignees={assigneeOptions} tags={tagOptions} searchRef={searchRef} />
        <SavedViews filter={filter} onSelect={(next) => setFilter(next)} language={language} />
      </div>
      <div className="screen__body">{body}</div>
    </section>
  );
}
