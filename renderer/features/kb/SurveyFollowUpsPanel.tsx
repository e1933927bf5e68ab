import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketHref } from '../../app/hash-route';
import { useToast } from '../../app/Toaster';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { AlertIcon, CheckIcon, StarIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useLanguage } from '../../lib/useLanguage';
import type { FollowUp } from './kb-types';
import './kb.css';

/**
 * For supervisors: the follow-ups that low survey scores opened (CSAT ≤ 2, NPS ≤ 6), oldest first,
 * each with the ticket, the customer, the score and comment; closed with what was done. Live.
 */
export function SurveyFollowUpsPanel() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tasks = useQuery(trpc.surveys.followUps.queryOptions({ status: 'open' }));
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  useSubscription(trpc.surveys.onChange.subscriptionOptions(undefined, { onData: () => void queryClient.invalidateQueries({ queryKey: trpc.surveys.followUps.pathKey() }) }));
  const count = tasks.data?.length ?? 0;
  return (
    <section className="panel followups" aria-labelledby="followups-title">
      <header className="panel__header">
        <h2 id="followups-title" className="panel__title">
          <StarIcon size={16} />
          {t('kb.followUps.title')}
        </h2>
        {tasks.isSuccess && count > 0 ? <span className="count-pill followups__count">{t('kb.followUps.pending', { count })}</span> : null}
      </header>
      <div className="panel__body followups__body">
        <p className="followups__intro">{t('kb.followUps.subtitle')}</p>
        {tasks.isPending ? (
          <p className="followups__status" role="status">
            <Spinner size={18} /> {t('kb.followUps.loading')}
          </p>
        ) : tasks.isError ? (
          <p className="alert alert--error" role="alert">
            <AlertIcon size={16} />
            {t(errorMessageKey(tasks.error))}
          </p>
        ) : count === 0 ? (
          <p className="followups__empty">
            <CheckIcon size={18} />
            {t('kb.followUps.empty')}
          </p>
        ) : (
          <ul className="followups__list" aria-labelledby="followups-title">
            {tasks.data.map((task) => (
              <FollowUpItem key={task.id} task={task} onComplete={() => setCompleting(task)} />
            ))}
          </ul>
        )}
      </div>
      {completing ? <CompleteDialog task={completing} onClose={() => setCompleting(null)} /> : null}
    </section>
  );
}

function FollowUpItem({ task, onComplete }: { task: FollowUp; onComplete: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const survey = task.survey;
  const kind = survey?.kind === 'nps' ? t('kb.survey.nps') : t('kb.survey.csat');
  const meta = [task.customerName ? t('kb.followUps.customer', { name: task.customerName }) : null, t('kb.followUps.openedAt', { date: formatDateTime(task.createdAt, language) })].filter(Boolean).join(' · ');
  return (
    <li className="followups__item">
      {survey ? (
        <span className={`followups__score followups__score--${survey.kind}`}>
          <span className="followups__score-kind" aria-hidden="true">
            {kind}
          </span>
          <span className="followups__score-value" aria-hidden="true">
            {survey.score ?? '—'}
          </span>
          <span className="followups__score-scale" aria-hidden="true">
            {survey.kind === 'nps' ? t('kb.followUps.ofNps') : t('kb.followUps.ofCsat')}
          </span>
          <span className="visually-hidden">{t('kb.followUps.score', { score: `${kind} ${t(survey.kind === 'nps' ? 'kb.survey.npsScore' : 'kb.survey.csatScore', { score: survey.score ?? '—' })}` })}</span>
        </span>
      ) : null}
      <div className="followups__main">
        <p className="followups__ticket" id={`followup-${task.id}-ticket`}>
          {task.ticketId && task.ticketNumber !== null ? <a href={ticketHref(task.ticketId)}>{t('kb.followUps.ticket', { number: task.ticketNumber })}</a> : null}
          <span className="followups__subject">{task.ticketSubject ?? task.title}</span>
        </p>
        <p className="followups__meta">{meta}</p>
        {survey?.comment ? <blockquote className="followups__comment">{survey.comment}</blockquote> : null}
      </div>
      <button type="button" className="button button--sm followups__action" aria-describedby={`followup-${task.id}-ticket`} onClick={onComplete}>
        <CheckIcon size={14} />
        {t('kb.followUps.complete')}
      </button>
    </li>
  );
}

function CompleteDialog({ task, onClose }: { task: FollowUp; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [resolution, setResolution] = useState('');
  const [error, setError] = useState<string | null>(null);
  const complete = useMutation({
    ...trpc.surveys.completeFollowUp.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.surveys.pathKey() });
      notify(t('kb.followUps.done'));
      onClose();
    },
    onError: (err) => setError(t(errorMessageKey(err))),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (resolution.trim()) complete.mutate({ id: task.id, version: task.version, resolution: resolution.trim() });
  };
  return (
    <Dialog title={t('kb.followUps.completeTitle')} description={task.title} onClose={onClose} busy={complete.isPending} size="sm">
      <form onSubmit={submit}>
        <div className="dialog__body">
          <Field label={t('kb.followUps.resolution')} hint={t('kb.followUps.resolutionHint')} error={error}>
            {(p) => <textarea {...p} className="textarea" rows={4} value={resolution} onChange={(e) => setResolution(e.target.value)} maxLength={5000} required />}
          </Field>
        </div>
        <div className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={complete.isPending}>
            {t('workspace.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={complete.isPending || !resolution.trim()}>
            {t('kb.followUps.complete')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
