import { useSubscription } from '@trpc/tanstack-react-query';
import { useTranslation } from 'react-i18next';
import { ticketHref } from '../../app/hash-route';
import { useToast } from '../../app/Toaster';
import { useTRPC } from '../../lib/trpc';

/**
 * Notices from automation rules ("notify users") addressed to the signed-in person: a toast naming
 * the ticket and the rule, with a link to open it. Renders nothing itself.
 */
export function RuleNotifications() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const notify = useToast();
  useSubscription(
    trpc.tickets.onNotification.subscriptionOptions(undefined, {
      onData: (n) => {
        notify(t('workspace.notifications.rule', { rule: n.ruleName, number: n.number, subject: n.subject }), 'info', {
          href: ticketHref(n.ticketId),
          label: t('workspace.notifications.open'),
        });
      },
    }),
  );
  return null;
}
