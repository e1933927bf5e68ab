import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneBr } from '../../../shared/br/phone';
import { customerHref, hrefWithSearch } from '../../app/hash-route';
import { replaceHref, useHashLocation } from '../../app/useHashRoute';
import { EmptyState } from '../../components/EmptyState';
import { CustomersIcon } from '../../components/icons/NavIcons';
import { AlertIcon, SearchIcon } from '../../components/icons/UiIcons';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { isSearchable } from './customer-form';

const SEARCH_DEBOUNCE_MS = 300;

/**
 * Find a customer by name, phone in any format, e-mail or CPF (formatted or not). The search is
 * kept in the address (`#/customers?q=…`), so Back from a 360° returns to the same results.
 */
export function CustomerSearchScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { search } = useHashLocation();
  const [text, setText] = useState(() => new URLSearchParams(search).get('q') ?? '');
  const settled = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  const searchable = isSearchable(settled);
  const results = useQuery({ ...trpc.customers.search.queryOptions({ text: settled, limit: 50 }), enabled: searchable, placeholderData: (previous) => previous });
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    replaceHref(hrefWithSearch('customers', settled ? new URLSearchParams({ q: settled }).toString() : ''));
  }, [settled]);

  const links = () => [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a.result-row') ?? [])];
  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || (event.key === 'Enter' && links().length > 0)) {
      event.preventDefault();
      const first = links()[0];
      if (event.key === 'Enter') first?.click();
      else first?.focus();
    }
  };
  const onListKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    if (event.key === 'ArrowDown' || event.key === 'j') {
      event.preventDefault();
      all[Math.min(all.length - 1, index + 1)]?.focus();
    } else if (event.key === 'ArrowUp' || event.key === 'k') {
      event.preventDefault();
      if (index === 0) inputRef.current?.focus();
      else all[index - 1]?.focus();
    }
  };

  const list = searchable ? (results.data ?? []) : [];
  let body;
  if (!settled || !searchable) {
    body = <EmptyState icon={<CustomersIcon size={28} />} title={t('workspace.customers.startTitle')} body={t('workspace.customers.startBody')} />;
  } else if (results.isPending) {
    body = <EmptyState role="status" icon={<Spinner size={28} />} title={t('workspace.customers.searching')} />;
  } else if (results.isError) {
    body = <EmptyState tone="danger" role="alert" icon={<AlertIcon size={28} />} title={t('workspace.customers.errorTitle')} body={t(errorMessageKey(results.error))} />;
  } else if (list.length === 0) {
    body = <EmptyState role="status" icon={<SearchIcon size={28} />} title={t('workspace.customers.noResults', { text: settled })} body={t('workspace.customers.noResultsBody')} />;
  } else {
    body = (
      <ul className="results" ref={listRef} onKeyDown={onListKeyDown} aria-label={t('workspace.customers.resultsLabel')}>
        {list.map((c) => (
          <li key={c.id}>
            <a className="result-row" href={customerHref(c.id)}>
              <span className="result-row__avatar" aria-hidden="true">
                {initials(c.name)}
              </span>
              <span className="result-row__main">
                <span className="result-row__name">{c.name}</span>
                <span className="result-row__contacts">
                  {[c.cpfMasked, ...c.phones.slice(0, 2).map(formatPhoneBr), ...c.emails.slice(0, 2)].filter(Boolean).join(' · ')}
                </span>
              </span>
              {c.tags.length > 0 ? (
                <span className="result-row__tags">
                  {c.tags.slice(0, 3).map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader
        title={t('nav.customers')}
        subtitle={t('workspace.customers.subtitle')}
        meta={searchable && results.isSuccess ? <span className="count-pill">{t('workspace.customers.count', { count: list.length })}</span> : null}
      />
      <div className="customer-search" role="search">
        <div className="search-box search-box--lg">
          <SearchIcon size={18} />
          <input
            ref={inputRef}
            type="search"
            className="input search-box__input"
            aria-label={t('workspace.customers.search')}
            placeholder={t('workspace.customers.searchPlaceholder')}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={onInputKeyDown}
            autoFocus
            maxLength={200}
          />
          {results.isFetching && searchable ? <Spinner size={16} /> : null}
        </div>
        <p className="field__hint">{t('workspace.customers.searchHint')}</p>
      </div>
      <div className="card">{body}</div>
    </section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}
