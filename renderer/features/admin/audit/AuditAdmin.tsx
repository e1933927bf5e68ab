import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../../components/EmptyState';
import { AlertIcon, RefreshIcon, SearchIcon, ShieldIcon } from '../../../components/icons/UiIcons';
import { Spinner } from '../../../components/Spinner';
import { errorMessageKey } from '../../../lib/errors';
import { useTRPC } from '../../../lib/trpc';
import { AuditRow } from './AuditRow';
import { AUDIT_ENTITIES, actionKey, dayBound, entityKey } from './audit-format';
import '../admin-people.css';
import './audit.css';

/** Events per page (the API allows up to 200). */
const PAGE_SIZE = 50;

interface AuditFilter {
  action: string;
  entity: string;
  text: string;
  /** Local days (`YYYY-MM-DD`) from the date inputs; '' for open-ended. */
  from: string;
  to: string;
}

const NO_FILTER: AuditFilter = { action: '', entity: '', text: '', from: '', to: '' };

/** The audit trail (`#/admin/audit`): filters, newest events first, "load more" by cursor. Read-only. */
export function AuditAdmin() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const set = (patch: Partial<AuditFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const text = useDeferredValue(filter.text.trim());
  const badRange = filter.from !== '' && filter.to !== '' && filter.from > filter.to;

  const input = useMemo(() => {
    const from = dayBound(filter.from, 'start');
    const to = dayBound(filter.to, 'end');
    return {
      limit: PAGE_SIZE,
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.entity ? { entity: filter.entity } : {}),
      ...(text ? { text } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    };
  }, [filter.action, filter.entity, filter.from, filter.to, text]);

  const actions = useQuery(trpc.audit.actions.queryOptions());
  const events = useInfiniteQuery({
    ...trpc.audit.search.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor }),
    enabled: !badRange,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => events.data?.pages.flatMap((p) => p.events) ?? [], [events.data]);
  const filtered = filter.action !== '' || filter.entity !== '' || filter.text !== '' || filter.from !== '' || filter.to !== '';
  const actionLabel = (action: string) => {
    const key = actionKey(action);
    return key ? t(`admin.audit.actions.${key}`) : action;
  };
  const actionOptions = useMemo(() => {
    const names = actions.data ?? [];
    return filter.action && !names.includes(filter.action) ? [filter.action, ...names] : names;
  }, [actions.data, filter.action]);

  return (
    <section className="panel" aria-labelledby="audit-title">
      <header className="panel__header">
        <h2 id="audit-title" className="panel__title">
          <ShieldIcon size={16} />
          {t('admin.audit.title')}
        </h2>
        <button type="button" className="button button--ghost button--sm" onClick={() => void events.refetch()} disabled={events.isFetching}>
          <RefreshIcon size={14} />
          {t('admin.common.reload')}
        </button>
      </header>
      <p className="adm-hint">{t('admin.audit.hint')}</p>
      <div className="ppl-toolbar aud-toolbar" role="search" aria-label={t('admin.audit.filters')}>
        <div className="search-box aud-toolbar__search">
          <SearchIcon size={16} />
          <input
            type="search"
            className="input input--sm search-box__input"
            aria-label={t('admin.audit.search')}
            placeholder={t('admin.audit.searchPlaceholder')}
            maxLength={120}
            value={filter.text}
            onChange={(e) => set({ text: e.target.value })}
          />
        </div>
        <select className="select select--sm ppl-toolbar__select" aria-label={t('admin.audit.action')} value={filter.action} onChange={(e) => set({ action: e.target.value })}>
          <option value="">{t('admin.audit.allActions')}</option>
          {actionOptions.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a)}
            </option>
          ))}
        </select>
        <select className="select select--sm ppl-toolbar__select" aria-label={t('admin.audit.entity')} value={filter.entity} onChange={(e) => set({ entity: e.target.value })}>
          <option value="">{t('admin.audit.allEntities')}</option>
          {AUDIT_ENTITIES.map((x) => (
            <option key={x} value={x}>
              {t(`admin.audit.entities.${x}`)}
            </option>
          ))}
        </select>
        <label className="aud-date">
          <span>{t('admin.audit.from')}</span>
          <input type="date" className="input input--sm" value={filter.from} max={filter.to || undefined} aria-invalid={badRange || undefined} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="aud-date">
          <span>{t('admin.audit.to')}</span>
          <input type="date" className="input input--sm" value={filter.to} min={filter.from || undefined} aria-invalid={badRange || undefined} onChange={(e) => set({ to: e.target.value })} />
        </label>
        {filtered ? (
          <button type="button" className="button button--ghost button--sm" onClick={() => setFilter(NO_FILTER)}>
            {t('admin.audit.clear')}
          </button>
        ) : null}
        <span className="ppl-toolbar__count" role="status">
          {events.isSuccess && !badRange && rows.length > 0 ? t(events.hasNextPage ? 'admin.audit.shownMore' : 'admin.audit.shown', { count: rows.length }) : null}
        </span>
      </div>

      {badRange ? (
        <p className="panel__empty aud-problem" role="alert">
          {t('admin.audit.badRange')}
        </p>
      ) : events.isPending ? (
        <EmptyState role="status" icon={<Spinner size={24} />} title={t('app.loading')} />
      ) : events.isError ? (
        <EmptyState
          role="alert"
          tone="danger"
          icon={<AlertIcon size={24} />}
          title={t(errorMessageKey(events.error))}
          action={
            <button type="button" className="button button--sm" onClick={() => void events.refetch()}>
              {t('admin.common.reload')}
            </button>
          }
        />
      ) : rows.length === 0 ? (
        <EmptyState title={t('admin.audit.empty')} body={filtered ? t('admin.audit.emptyHint') : undefined} />
      ) : (
        <>
          <div className="adm-table-wrap">
            <table className="data-table aud-table" aria-labelledby="audit-title" aria-busy={events.isFetching || undefined}>
              <thead>
                <tr>
                  <th>{t('admin.audit.columns.when')}</th>
                  <th>{t('admin.audit.columns.who')}</th>
                  <th>{t('admin.audit.columns.action')}</th>
                  <th>{t('admin.audit.columns.entity')}</th>
                  <th className="data-table__grow">{t('admin.audit.columns.changes')}</th>
                  <th>{t('admin.audit.columns.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((e) => {
                  const entity = entityKey(e.entity);
                  return <AuditRow key={e.id} event={e} actionLabel={actionLabel(e.action)} entityLabel={entity ? t(`admin.audit.entities.${entity}`) : e.entity} />;
                })}
              </tbody>
            </table>
          </div>
          {events.hasNextPage ? (
            <div className="aud-more">
              <button type="button" className="button button--sm" onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                {events.isFetchingNextPage ? <Spinner size={14} /> : null}
                {events.isFetchingNextPage ? t('admin.audit.loadingMore') : t('admin.audit.loadMore')}
              </button>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
