import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { MergeIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { StatusBadge } from '../../components/StatusBadge';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { parseTicketNumber } from './ticket-search';
import type { Ticket } from './useTicket';

type Target = RouterOutputs['tickets']['byNumber'];

/**
 * Merge this ticket into another one, found by number. Two steps: find the target (its subject
 * and status are shown), then confirm — the merge closes this ticket and cannot be undone.
 */
export function MergeDialog({ ticket, onClose, onDone, onError }: { ticket: Ticket; onClose: () => void; onDone: (ticket: Ticket, target: Target) => void; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [finding, setFinding] = useState(false);

  const merge = useMutation({
    ...trpc.tickets.merge.mutationOptions(),
    onSuccess: (saved) => {
      if (target) onDone(saved, target);
      onClose();
    },
    onError: (err) => {
      const key = errorMessageKey(err);
      if (key === 'errors.version_conflict') {
        onError(err);
        onClose();
      } else setError(t(key));
    },
  });

  const find = async (event: FormEvent) => {
    event.preventDefault();
    const number = parseTicketNumber(text);
    if (number === null) {
      setError(t('workspace.merge.numberInvalid'));
      return;
    }
    if (number === ticket.number) {
      setError(t('errors.same_ticket'));
      return;
    }
    setError(null);
    setFinding(true);
    try {
      const found = await queryClient.fetchQuery(trpc.tickets.byNumber.queryOptions({ number }, { staleTime: 0, retry: false }));
      if (found.status === 'closed') setError(t('errors.ticket_closed'));
      else setTarget(found);
    } catch (err) {
      setError(errorMessageKey(err) === 'errors.not_found' ? t('workspace.merge.notFound', { number }) : t(errorMessageKey(err)));
    } finally {
      setFinding(false);
    }
  };

  return (
    <Dialog title={t('workspace.merge.title', { number: ticket.number })} description={t('workspace.merge.description')} onClose={onClose} busy={merge.isPending}>
      {target ? (
        <>
          <div className="dialog__body">
            <div className="merge-preview">
              <p>{t('workspace.merge.confirmText', { source: ticket.number, target: target.number })}</p>
              <div className="merge-preview__target">
                <span className="merge-preview__number">#{target.number}</span>
                <span className="merge-preview__subject">{target.subject}</span>
                <StatusBadge status={target.status} />
              </div>
              <p className="merge-preview__warning">{t('workspace.merge.warning')}</p>
            </div>
            {error ? (
              <div className="alert alert--error" role="alert">
                {error}
              </div>
            ) : null}
          </div>
          <footer className="dialog__footer">
            <button type="button" className="button" onClick={() => setTarget(null)} disabled={merge.isPending}>
              {t('workspace.common.back')}
            </button>
            <button type="button" className="button button--danger" onClick={() => merge.mutate({ id: ticket.id, version: ticket.version, targetId: target.id })} disabled={merge.isPending} autoFocus>
              {merge.isPending ? <Spinner size={16} /> : <MergeIcon size={16} />}
              {t('workspace.merge.confirm', { number: target.number })}
            </button>
          </footer>
        </>
      ) : (
        <form onSubmit={(e) => void find(e)} noValidate>
          <div className="dialog__body">
            <Field label={t('workspace.merge.number')} hint={t('workspace.merge.numberHint')} error={error}>
              {(props) => <input {...props} className="input" inputMode="numeric" value={text} onChange={(e) => setText(e.target.value)} autoFocus placeholder={t('workspace.merge.numberPlaceholder')} />}
            </Field>
          </div>
          <footer className="dialog__footer">
            <button type="button" className="button" onClick={onClose}>
              {t('workspace.common.cancel')}
            </button>
            <button type="submit" className="button button--primary" disabled={finding}>
              {finding ? <Spinner size={16} /> : null}
              {t('workspace.merge.find')}
            </button>
          </footer>
        </form>
      )}
    </Dialog>
  );
}
