import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../app/Toaster';
import { StarIcon } from '../../components/icons/UiIcons';
import { copyText } from '../../lib/clipboard';
import { errorMessageKey } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useLanguage } from '../../lib/useLanguage';
import { useNow } from '../../lib/useNow';
import { useSession } from '../auth/useSession';
import { isEditor, type SurveyView } from './kb-types';
import './kb.css';

const isLow = (s: SurveyView) => s.score !== null && (s.kind === 'csat' ? s.score <= 2 : s.score <= 6);

/**
 * A ticket's satisfaction surveys: score (CSAT of 5, NPS of 10), comment, state (waiting,
 * expired), and the supervisor follow-up a low score opened. Live: an answer shows at once.
 * Supervisors can make a new link for an unanswered survey (and copy it), or send a survey when no
 * CSAT of the ticket is waiting for an answer.
 */
export function SurveyResult({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [language] = useLanguage();
  const { user } = useSession();
  const now = useNow(60_000);
  const data = useQuery(trpc.surveys.forTicket.queryOptions({ ticketId }));
  const [link, setLink] = useState<{ surveyId: string; url: string } | null>(null);
  useSubscription(
    trpc.surveys.onChange.subscriptionOptions(undefined, {
      // A survey created between the first fetch and the subscription's start would be missed: refetch once it is live.
      onStarted: () => void queryClient.invalidateQueries({ queryKey: trpc.surveys.forTicket.queryKey({ ticketId }) }),
      onData: (e) => {
        if (e.ticketId === ticketId) void queryClient.invalidateQueries({ queryKey: trpc.surveys.forTicket.queryKey({ ticketId }) });
      },
    }),
  );
  const reissue = useMutation({
    ...trpc.surveys.reissueLink.mutationOptions(),
    onSuccess: (r) => {
      setLink({ surveyId: r.survey.id, url: r.url });
      notify(t('kb.survey.reissued'));
      void queryClient.invalidateQueries({ queryKey: trpc.surveys.forTicket.queryKey({ ticketId }) });
    },
    onError: (err) => notify(t(errorMessageKey(err)), 'error'),
  });

  const send = useMutation({
    ...trpc.surveys.send.mutationOptions(),
    onSuccess: (created) => {
      const first = created.find((c) => c.survey.kind === 'csat') ?? created[0];
      if (first) setLink({ surveyId: first.survey.id, url: first.url });
      notify(t('kb.survey.sent'));
      void queryClient.invalidateQueries({ queryKey: trpc.surveys.forTicket.queryKey({ ticketId }) });
    },
    onError: (err) => notify(t(errorMessageKey(err)), 'error'),
  });
  const copy = (url: string) => void copyText(url).then((ok) => notify(ok ? t('kb.survey.copied') : t('errors.unknown'), ok ? 'success' : 'error'));

  const surveys = data.data?.surveys ?? [];
  const tasks = data.data?.tasks ?? [];
  // A new survey only when no CSAT of this ticket is still waiting for an answer.
  const openCsat = surveys.some((s) => s.kind === 'csat' && s.answeredAt === null && Date.parse(s.expiresAt) >= now);
  return (
    <section className="panel survey-result" aria-labelledby={`survey-${ticketId}`}>
      <header className="panel__header">
        <h2 id={`survey-${ticketId}`} className="panel__title">
          <StarIcon size={16} />
          {t('kb.survey.title')}
        </h2>
      </header>
      <div className="panel__body">
        {data.isError ? <p className="panel__empty">{t(errorMessageKey(data.error))}</p> : null}
        {data.isSuccess && surveys.length === 0 ? <p className="panel__empty">{t('kb.survey.none')}</p> : null}
        <ul className="survey-list">
          {surveys.map((s) => {
            const task = tasks.find((x) => x.surveyId === s.id);
            const expired = s.answeredAt === null && Date.parse(s.expiresAt) < now;
            return (
              <li key={s.id} className={`survey-item${isLow(s) ? ' survey-item--low' : ''}`} data-testid="survey-item">
                <div className="survey-item__head">
                  <span className="survey-item__kind">{t(`kb.survey.${s.kind}`)}</span>
                  {s.score !== null ? (
                    <span className="survey-item__score">{s.kind === 'csat' ? t('kb.survey.csatScore', { score: s.score }) : t('kb.survey.npsScore', { score: s.score })}</span>
                  ) : (
                    <span className="muted">{expired ? t('kb.survey.expired') : t('kb.survey.waiting')}</span>
                  )}
                  {isLow(s) ? <span className="pill pill--danger">{t('kb.survey.low')}</span> : null}
                </div>
                {s.kind === 'csat' && s.score !== null ? (
                  <span className="survey-stars" aria-hidden="true">
                    {'★'.repeat(s.score)}
                    <span className="survey-stars__off">{'★'.repeat(5 - s.score)}</span>
                  </span>
                ) : null}
                {s.comment ? (
                  <blockquote className="survey-item__comment" aria-label={t('kb.survey.comment')}>
                    {s.comment}
                  </blockquote>
                ) : null}
                <p className="survey-item__meta">{s.answeredAt ? t('kb.survey.answeredAt', { date: formatDateTime(s.answeredAt, language) }) : t('kb.survey.sentAt', { date: formatDateTime(s.sentAt, language) })}</p>
                {task ? <p className={`survey-item__task survey-item__task--${task.status}`}>{task.status === 'open' ? t('kb.survey.followUpOpen') : t('kb.survey.followUpDone', { resolution: task.resolution })}</p> : null}
                {isEditor(user.role) && s.answeredAt === null ? (
                  <div className="survey-item__link">
                    <button type="button" className="button button--ghost button--xs" disabled={reissue.isPending} onClick={() => reissue.mutate({ surveyId: s.id })}>
                      {t('kb.survey.reissue')}
                    </button>
                    {link?.surveyId === s.id ? (
                      <>
                        <label className="survey-item__url">
                          <span className="visually-hidden">{t('kb.survey.linkLabel')}</span>
                          <input className="input" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
                        </label>
                        <button type="button" className="button button--ghost button--xs" onClick={() => copy(link.url)}>
                          {t('kb.survey.copy')}
                        </button>
                      </>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
        {isEditor(user.role) && data.isSuccess && !openCsat ? (
          <button type="button" className="button button--sm survey-result__send" disabled={send.isPending} onClick={() => send.mutate({ ticketId })}>
            {t('kb.survey.send')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
