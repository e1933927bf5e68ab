import { useMutation } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTranslation } from 'react-i18next';
import { formatPhoneBr } from '../../../shared/br/phone';
import { customerHref, ticketHref } from '../../app/hash-route';
import { useToast } from '../../app/Toaster';
import { useTransport, useTRPC, useTRPCClient } from '../../lib/trpc';

/**
 * Desktop only: acts on the `tel:`/`callto:`/`atende://` links the operating system handed to the
 * app (`cti.onDeepLink`): a dial link logs the outbound call, `atende://customer/…` and
 * `atende://ticket/…` open that screen. Renders nothing.
 */
export function DeepLinks() {
  const transport = useTransport();
  return transport.mode === 'ipc' ? <DeepLinkSubscription /> : null;
}

function DeepLinkSubscription() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const notify = useToast();
  const dial = useMutation(trpc.cti.dial.mutationOptions());
  useSubscription(
    trpc.cti.onDeepLink.subscriptionOptions(undefined, {
      onData: (link) => {
        if (link.kind === 'dial') {
          dial.mutate({ number: link.number, customerId: null }, { onSuccess: () => notify(t('cti.dial.logged', { number: formatPhoneBr(link.number) }), 'info') });
        } else if (link.kind === 'customer') {
          window.location.hash = customerHref(link.customerId);
        } else if (link.ticket.by === 'id') {
          window.location.hash = ticketHref(link.ticket.id);
        } else {
          void client.tickets.byNumber.query({ number: link.ticket.number }).then(
            (ticket) => (window.location.hash = ticketHref(ticket.id)),
            () => notify(t('errors.not_found'), 'error'),
          );
        }
      },
    }),
  );
  return null;
}
