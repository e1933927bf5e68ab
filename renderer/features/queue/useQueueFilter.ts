import { useCallback, useEffect, useMemo } from 'react';
import { hrefWithSearch } from '../../app/hash-route';
import { navigateToHref, replaceHref, useHashLocation } from '../../app/useHashRoute';
import { filterFromSearch, filterToSearch, type QueueFilterState } from './queue-filter';

/** Where the queue was last (with its filter): the ticket screen's "back to the queue" goes there. */
let lastQueueHref = '#/queue';
export const lastQueueAddress = () => lastQueueHref;
/** On sign-out: the next person starts from the plain queue. */
export const forgetQueueAddress = () => {
  lastQueueHref = '#/queue';
};

/**
 * The queue filter lives in the address (`#/queue?status=open`). Choosing a filter or a view adds
 * a history entry (Back undoes it); typing in the search box replaces the current one.
 */
export function useQueueFilter(): [QueueFilterState, (next: QueueFilterState, mode?: 'push' | 'replace') => void] {
  const { search } = useHashLocation();
  const filter = useMemo(() => filterFromSearch(search), [search]);
  useEffect(() => {
    lastQueueHref = hrefWithSearch('queue', filterToSearch(filter));
  }, [filter]);
  const setFilter = useCallback((next: QueueFilterState, mode: 'push' | 'replace' = 'push') => {
    const href = hrefWithSearch('queue', filterToSearch(next));
    if (mode === 'replace') replaceHref(href);
    else navigateToHref(href);
  }, []);
  return [filter, setFilter];
}
