import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatPhoneBr } from '../../../shared/br/phone';
import { useToast } from '../../app/Toaster';
import { useTRPC } from '../../lib/trpc';
import { PhoneIcon } from './CtiIcons';

/**
 * Click-to-dial: a `tel:` link (the softphone or the OS dialer takes it from there) that also logs
 * the outbound call on the customer's timeline. The click is not prevented, so the link behaves
 * like any other `tel:` link; the page itself never navigates.
 */
export function PhoneLink({ number, customerId }: { number: string; customerId: string | null }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const shown = formatPhoneBr(number);
  const dial = useMutation({
    ...trpc.cti.dial.mutationOptions(),
    onSuccess: (r) => {
      notify(t('cti.dial.logged', { number: shown }), 'info');
      if (r.customerId) void queryClient.invalidateQueries({ queryKey: trpc.customers.view360.queryKey({ id: r.customerId }) });
    },
  });
  return (
    <a className="phone-link" href={`tel:${number}`} title={t('cti.dial.title', { number: shown })} onClick={() => dial.mutate({ number, customerId })}>
      <span>{shown}</span>
      <PhoneIcon size={13} />
    </a>
  );
}
