import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';

export interface SentimentValue {
  score: number;
  label: 'negative' | 'neutral' | 'positive';
}

/** Below this a message is "very unhappy" (same cut as the server's STRONGLY_NEGATIVE). */
const STRONGLY_NEGATIVE = -0.6;

/** A sentiment as a small coloured badge; the score is in its title and accessible name. */
export function SentimentPill({ sentiment }: { sentiment: SentimentValue }) {
  const { t } = useTranslation();
  const strong = sentiment.label === 'negative' && sentiment.score <= STRONGLY_NEGATIVE;
  const text = strong ? t('kb.sentiment.stronglyNegative') : t(`kb.sentiment.${sentiment.label}`);
  const detail = t('kb.sentiment.score', { score: sentiment.score.toFixed(2) });
  const icon = sentiment.label === 'negative' ? '☹' : sentiment.label === 'positive' ? '☺' : '•';
  return (
    <span className={`sentiment-badge sentiment-badge--${strong ? 'strong' : sentiment.label}`} title={detail} aria-label={`${t('kb.sentiment.label')}: ${text}. ${detail}`} role="img">
      <span aria-hidden="true">{icon}</span>
      <span aria-hidden="true">{text}</span>
    </span>
  );
}

/**
 * The customer's sentiment on a ticket (latest scored message), for the ticket header. Pass
 * `sentiment` to show one message's score instead (timeline).
 */
export function SentimentBadge({ ticketId, sentiment }: { ticketId?: string; sentiment?: SentimentValue | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const live = Boolean(ticketId) && sentiment === undefined;
  const query = useQuery({ ...trpc.assist.sentiment.queryOptions({ ticketId: ticketId ?? '' }), enabled: live });
  // A new customer message is scored just after it lands: refresh when the ticket changes.
  useSubscription(
    trpc.tickets.onChange.subscriptionOptions(undefined, {
      enabled: live,
      onData: (e) => {
        if (e.ticketId === ticketId) setTimeout(() => void queryClient.invalidateQueries({ queryKey: trpc.assist.sentiment.queryKey({ ticketId }) }), 300);
      },
    }),
  );
  const value = sentiment !== undefined ? sentiment : (query.data?.latest?.sentiment ?? null);
  if (!value) return null;
  return <SentimentPill sentiment={value} />;
}
