import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { EscalateIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import type { Ticket } from './useTicket';

/** Escalate to another team: the team and a reason are required; the reason shows in the timeline. */
export function EscalateDialog({ ticket, onClose, onDone, onError }: { ticket: Ticket; onClose: () => void; onDone: (ticket: Ticket) => void; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), staleTime: 5 * 60_000 });
  const options = (teams.data ?? []).filter((team) => team.id !== ticket.teamId).sort((a, b) => a.tier - b.tier || a.name.localeCompare(b.name));
  const [teamId, setTeamId] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ team?: string; reason?: string; form?: string }>({});

  const escalate = useMutation({
    ...trpc.tickets.escalate.mutationOptions(),
    onSuccess: (saved) => {
      onDone(saved);
      onClose();
    },
    onError: (err) => {
      const key = errorMessageKey(err);
      if (key === 'errors.reason_required') setErrors({ reason: t('workspace.escalate.reasonRequired') });
      else if (key === 'errors.unknown_team') setErrors({ team: t(key) });
      else if (key === 'errors.version_conflict') {
        onError(err);
        onClose();
      } else setErrors({ form: t(key) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!teamId) next.team = t('workspace.escalate.teamRequired');
    if (!reason.trim()) next.reason = t('workspace.escalate.reasonRequired');
    setErrors(next);
    if (next.team || next.reason) {
      (document.getElementById(next.team ? 'escalate-team' : 'escalate-reason') as HTMLElement | null)?.focus();
      return;
    }
    escalate.mutate({ id: ticket.id, version: ticket.version, teamId, reason: reason.trim() });
  };

  return (
    <Dialog title={t('workspace.escalate.title', { number: ticket.number })} description={t('workspace.escalate.description')} onClose={onClose} busy={escalate.isPending}>
      <form onSubmit={submit} noValidate>
        <div className="dialog__body">
          {errors.form ? (
            <div className="alert alert--error" role="alert">
              {errors.form}
            </div>
          ) : null}
          <Field id="escalate-team" label={t('workspace.escalate.team')} error={errors.team ?? null}>
            {(props) => (
              <select {...props} className="select" value={teamId} onChange={(e) => setTeamId(e.target.value)} autoFocus required>
                <option value="">{t('workspace.escalate.chooseTeam')}</option>
                {options.map((team) => (
                  <option key={team.id} value={team.id}>
                    {t('workspace.escalate.teamOption', { name: team.name, tier: team.tier })}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="escalate-reason" label={t('workspace.escalate.reason')} hint={t('workspace.escalate.reasonHint')} error={errors.reason ?? null}>
            {(props) => <textarea {...props} className="textarea" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} required />}
          </Field>
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={escalate.isPending}>
            {t('workspace.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={escalate.isPending}>
            {escalate.isPending ? <Spinner size={16} /> : <EscalateIcon size={16} />}
            {t('workspace.escalate.confirm')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
