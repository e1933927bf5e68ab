import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../app/Toaster';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';

export type TicketDetail = RouterOutputs['tickets']['detail'];
export type Ticket = TicketDetail['ticket'];
export type TimelineEntry = RouterOutputs['tickets']['timeline'][number];

/** Changes from other people reach the open ticket this fast (coalesced, like the queue). */
const REFRESH_COALESCE_MS = 200;

/**
 * One ticket with its timeline, kept live: a change to it anywhere (another agent, a customer
 * message, automation) reloads both. `afterChange` stores what a mutation returned and reloads
 * the rest; `onMutationError` turns a stale version into a visible notice plus a reload.
 */
export function useTicket(ticketId: string) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const detail = useQuery(trpc.tickets.detail.queryOptions({ id: ticketId }));
  const timeline = useQuery(trpc.tickets.timeline.queryOptions({ id: ticketId }));
  const [conflict, setConflict] = useState(false);

  const reload = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.detail.queryKey({ id: ticketId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.tickets.timeline.queryKey({ id: ticketId }) });
    const customerId = queryClient.getQueryData(trpc.tickets.detail.queryKey({ id: ticketId }))?.customer?.id;
    if (customerId) void queryClient.invalidateQueries({ queryKey: trpc.customers.view360.queryKey({ id: customerId }) });
  }, [queryClient, trpc, ticketId]);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useSubscription(
    trpc.tickets.onChange.subscriptionOptions(undefined, {
      onData: (event) => {
        if (event.ticketId !== ticketId || timer.current) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          reload();
        }, REFRESH_COALESCE_MS);
      },
    }),
  );

  /** After a successful change: the returned ticket at once (new version), then everything around it. */
  const afterChange = useCallback(
    (ticket: Ticket) => {
      queryClient.setQueryData(trpc.tickets.detail.queryKey({ id: ticketId }), (old) => (old ? { ...old, ticket } : old));
      setConflict(false);
      reload();
      void queryClient.invalidateQueries({ queryKey: trpc.tickets.list.pathKey() });
    },
    [queryClient, trpc, ticketId, reload],
  );

  /** A failed change: a stale version reloads the ticket and says why; anything else is a toast. */
  const onMutationError = useCallback(
    (error: unknown) => {
      const key = errorMessageKey(error);
      if (key === 'errors.version_conflict') {
        setConflict(true);
        reload();
        return;
      }
      notify(t(key), 'error');
      if (key === 'errors.already_assigned' || key === 'errors.invalid_transition' || key === 'errors.ticket_closed') reload();
    },
    [notify, t, reload],
  );

  return { detail, timeline, conflict, dismissConflict: () => setConflict(false), afterChange, onMutationError, reload };
}
