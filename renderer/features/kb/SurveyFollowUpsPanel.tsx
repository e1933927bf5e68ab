import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ticketHref } from '../../app/hash-route';
import { useToast } from '../../app/Toaster';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { StarIcon } from '../../components/icons/UiIcons';
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
  const [language] = useLanguage();
  const tasks = useQuery(trpc.surveys.followUps.queryOptions({ status: 'open' }));
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  useSubscription(trpc.surveys.onChange.subscriptionOptions(undefined, { onData: () => void queryClient.invalidateQueries({ queryKey: trpc.surveys.followUps.pathKey() }) }));
  return (
    <section className="panel followups" aria-labelledby="followups-title">
      <header className="panel__header">
        <h2 id="followups-title" className="panel__title">
          <StarIcon size={16} />
          {t('kb.followUps.title')}
        </h2>
      </header>
      <div className="panel__body">
        <p className="muted">{t('kb.followUps.subtitle')}</p>
        {tasks.isPending ? <Spinner size={18} /> : tasks.isError ? <p className="panel__empty">{t(errorMessageKey(tasks.error))}</p> : null}
        {tasks.isSuccess && tasks.data.length === 0 ? <p className="panel__empty">{t('kb.followUps.empty')}</p> : null}
        <ul className="followups__list">
          {(tasks.data ?? []).map((task) => (
            <li key={task.id} className="followups__item">
              <div>
                {task.ticketId && task.ticketNumber !== null ? <a href={ticketHref(task.ticketId)}>{t('kb.followUps.ticket', { number: task.ticketNumber })}</a> : null} {task.ticketSubject ?? ''}
                <p className="muted">
                  {task.customerName ? t('kb.followUps.customer', { name: task.customerName }) : null} · {t('kb.followUps.score', { score: `${task.survey?.kind === 'nps' ? 'NPS' : 'CSAT'} ${task.survey?.score ?? '—'}` })} ·{' '}
                  {t('kb.followUps.openedAt', { date: formatDateTime(task.createdAt, language) })}
                </p>
                {task.survey?.comment ? <blockquote className="survey-item__comment">{task.survey.comment}</blockquote> : null}
              </div>
              <button type="button" className="button button--sm" onClick={() => setCompleting(task)}>
                {t('kb.followUps.complete')}
              </button>
            </li>
          ))}
        </ul>
      </div>
      {completing ? <CompleteDialog task={completing} onClose={() => setCompleting(null)} /> : null}
    </section>
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
            {(p) => <textarea {...p} className="input" rows={4} value={resolution} onChange={(e) => setResolution(e.target.value)} maxLength={5000} required />}
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
