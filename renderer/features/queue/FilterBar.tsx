import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../shared/schemas/common';
import { PRIORITIES, TICKET_STATUSES } from '../../../shared/schemas/ticket';
import { FilterMenu, type FilterOption } from '../../components/FilterMenu';
import { ChannelIcon } from '../../components/icons/ChannelIcon';
import { CloseIcon, SearchIcon } from '../../components/icons/UiIcons';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { activeFilterCount, emptyFilter, type ListKey, type QueueFilterState } from './queue-filter';

/** Typing pauses this long before the queue searches. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * Search box and one filter menu per field. Filters apply at once; the search applies when
 * typing pauses (and replaces the address instead of adding a history entry per letter).
 */
export function FilterBar({
  filter,
  onChange,
  teams,
  assignees,
  tags,
  searchRef,
}: {
  filter: QueueFilterState;
  onChange: (next: QueueFilterState, mode?: 'push' | 'replace') => void;
  teams: FilterOption[];
  assignees: FilterOption[];
  tags: FilterOption[];
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(filter.text);
  const settled = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const filterRef = useRef(filter);
  filterRef.current = filter;

  // The address changed from elsewhere (a view, Back, "clear"): show its text.
  const lastApplied = useRef(filter.text);
  useEffect(() => {
    if (filter.text !== lastApplied.current) {
      lastApplied.current = filter.text;
      setText(filter.text);
    }
  }, [filter.text]);

  useEffect(() => {
    const next = settled.trim();
    if (next === filterRef.current.text) return;
    lastApplied.current = next;
    onChange({ ...filterRef.current, text: next }, 'replace');
  }, [settled, onChange]);

  const set = (key: ListKey) => (values: string[]) => onChange({ ...filter, [key]: values });
  const active = activeFilterCount(filter);

  return (
    <div className="filter-bar" role="search" aria-label={t('workspace.filters.label')}>
      <div className="search-box">
        <SearchIcon size={16} />
        <input
          ref={searchRef}
          type="search"
          className="input input--sm search-box__input"
          aria-label={t('workspace.filters.search')}
          placeholder={t('workspace.filters.searchPlaceholder')}
          aria-keyshortcuts="/"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) {
              e.preventDefault();
              setText('');
            }
          }}
          maxLength={200}
        />
      </div>
      <FilterMenu
        label={t('workspace.filters.status')}
        options={TICKET_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        selected={filter.status}
        onChange={set('status')}
      />
      <FilterMenu
        label={t('workspace.filters.channel')}
        options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`), icon: <ChannelIcon channel={c} size={16} /> }))}
        selected={filter.channel}
        onChange={set('channel')}
      />
      <FilterMenu
        label={t('workspace.filters.priority')}
        options={[...PRIORITIES].reverse().map((p) => ({ value: p, label: t(`priority.${p}`) }))}
        selected={filter.priority}
        onChange={set('priority')}
      />
      <FilterMenu label={t('workspace.filters.team')} options={teams} selected={filter.teamId} onChange={set('teamId')} />
      <FilterMenu label={t('workspace.filters.assignee')} options={assignees} selected={filter.assignee} onChange={set('assignee')} />
      <FilterMenu
        label={t('workspace.filters.tag')}
        options={tags}
        selected={filter.tag}
        onChange={set('tag')}
        addLabel={t('workspace.filters.addTag')}
        emptyLabel={t('workspace.filters.noTags')}
      />
      {active > 0 ? (
        <button
          type="button"
          className="button button--ghost button--sm"
          onClick={() => {
            setText('');
            onChange({ ...emptyFilter(), ...(filter.scope ? { scope: filter.scope } : {}) });
          }}
        >
          <CloseIcon size={14} />
          {t('workspace.filters.clearAll', { count: active })}
        </button>
      ) : null}
    </div>
  );
}
