import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useTRPC, useTRPCClient, type RouterOutputs } from '../../lib/trpc';
import { toApiFilter, type QueueFilterState } from './queue-filter';

export type QueueRow = RouterOutputs['tickets']['list']['items'][number];

/** Rows per request (the API allows up to 200). */
export const QUEUE_PAGE_SIZE = 100;
/** Bursts of changes (a bulk import, a routing pass) cause one refetch, not one per ticket. */
const INVALIDATE_COALESCE_MS = 300;

/**
 * The queue for a filter, in pages of QUEUE_PAGE_SIZE (the virtual list asks for the next page
 * near its end), refetched — with the saved views' counts — when `tickets.onChange` reports a change.
 */
export function useQueueTickets(filter: QueueFilterState) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [path] = trpc.tickets.list.pathKey();
  const apiFilter = useMemo(() => toApiFilter(filter), [filter]);

  const query = useInfiniteQuery({
    // Under the procedure's path key, so invalidating `tickets.list` refreshes it too.
    queryKey: [path, { type: 'infinite' as const, input: { limit: QUEUE_PAGE_SIZE, filter: apiFilter } }],
    queryFn: ({ pageParam, signal }) => client.tickets.list.query({ limit: QUEUE_PAGE_SIZE, offset: pageParam, filter: apiFilter }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((n, p) => n + p.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
    // A new filter keeps the old rows on screen until its first page arrives (no flash of "loading").
    placeholderData: (previous) => previous,
  });

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const live = useSubscription(
    trpc.tickets.onChange.subscriptionOptions(undefined, {
      onData: () => {
        if (timer.current) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.views.list.pathKey() });
        }, INVALIDATE_COALESCE_MS);
      },
    }),
  );

  // Offset pages can overlap when the queue moves between two page loads: keep the first copy.
  const rows = useMemo(() => {
    const seen = new Set<string>();
    const out: QueueRow[] = [];
    for (const page of query.data?.pages ?? []) {
      for (const row of page.items) {
        if (seen.has(row.id)) continue;
        seen.add(row.id);
        out.push(row);
      }
    }
    return out;
  }, [query.data]);

  const total = query.data?.pages.at(-1)?.total ?? 0;
  return { query, rows, total, live: live.status === 'pending' };
}
