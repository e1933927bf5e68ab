import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../../shared/schemas/user';
import { hrefFor } from '../../../app/hash-route';
import { useToast } from '../../../app/Toaster';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { Spinner } from '../../../components/Spinner';
import { useTRPC } from '../../../lib/trpc';
import { useFormIssues } from '../users/useFormIssues';
import { TIERS, teamDraft, teamInput, tierKey, type TeamDraft } from './team-form';

/** Create or edit a team (name, tier, description); its members are shown, and set on each user. */
export function TeamDialog({ team, members, onClose }: { team: Team | null; members: readonly { id: string; displayName: string }[]; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [d, setD] = useState<TeamDraft>(() => teamDraft(team));
  const form = useFormIssues({
    fields: {
      'errors.name_taken': { path: 'name', text: t('admin.issues.teamNameTaken') },
      'errors.queue_taken': { path: 'queues', text: t('errors.queue_taken') },
    },
  });
  const onSuccess = (saved: Team) => {
    void queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.routing.settings.pathKey() });
    notify(team ? t('admin.teamForm.saved', { name: saved.name }) : t('admin.teamForm.created', { name: saved.name }));
    onClose();
  };
  const create = useMutation({ ...trpc.teams.create.mutationOptions(), onSuccess, onError: form.onError });
  const update = useMutation({ ...trpc.teams.update.mutationOptions(), onSuccess, onError: form.onError });
  const busy = create.isPending || update.isPending;
  const set = (patch: Partial<TeamDraft>) => setD((x) => ({ ...x, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    if (team) update.mutate({ id: team.id, ...teamInput(d) });
    else create.mutate(teamInput(d));
  };
  const title = team ? t('admin.teamForm.editTitle', { name: team.name }) : t('admin.teamForm.newTitle');

  return (
    <Dialog title={title} onClose={onClose} busy={busy}>
      <form ref={form.formRef} onSubmit={submit} noValidate aria-label={title}>
        <div className="dialog__body ppl-form">
          {form.formError ? (
            <div className="alert alert--error" role="alert">
              {form.formError}
            </div>
          ) : null}
          <div className="form-grid">
            <Field label={t('admin.teamForm.name')} error={form.err('name')}>
              {(props) => <input {...props} className="input" maxLength={80} value={d.name} onChange={(e) => set({ name: e.target.value })} />}
            </Field>
            <Field label={t('admin.teamForm.tier')} error={form.err('tier')}>
              {(props) => (
                <select {...props} className="select" value={d.tier} onChange={(e) => set({ tier: Number(e.target.value) })}>
                  {TIERS.map((tier) => (
                    <option key={tier} value={tier}>
                      {t(`admin.teams.tiers.${tierKey(tier)}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('admin.teamForm.description')} hint={t('admin.teamForm.descriptionHint')} error={form.err('description')} className="form-grid__wide">
              {(props) => <textarea {...props} className="textarea" maxLength={500} rows={3} value={d.description} onChange={(e) => set({ description: e.target.value })} />}
            </Field>
            <Field label={t('admin.teamForm.queues')} hint={t('admin.teamForm.queuesHint')} error={form.err('queues')} className="form-grid__wide">
              {(props) => <input {...props} className="input" maxLength={2000} value={d.queues} placeholder={t('admin.teamForm.queuesPlaceholder')} onChange={(e) => set({ queues: e.target.value })} />}
            </Field>
          </div>
          {team ? (
            <section className="ppl-members" aria-labelledby="team-members-title">
              <div className="ppl-members__head">
                <h3 id="team-members-title" className="field__label">
                  {t('admin.teamForm.members')}
                </h3>
                <a className="panel__link" href={`${hrefFor('admin', 'users')}?team=${encodeURIComponent(team.id)}`} onClick={onClose}>
                  {t('admin.teamForm.manageMembers')}
                </a>
              </div>
              {members.length === 0 ? (
                <p className="muted ppl-empty-line">{t('admin.teamForm.noMembers')}</p>
              ) : (
                <ul className="tag-list ppl-member-list">
                  {members.map((m) => (
                    <li key={m.id} className="tag">
                      {m.displayName}
                    </li>
                  ))}
                </ul>
              )}
              <p className="field__hint">{t('admin.teamForm.membersHint')}</p>
            </section>
          ) : null}
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('automation.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? <Spinner size={16} /> : null}
            {team ? t('automation.common.save') : t('automation.common.create')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
