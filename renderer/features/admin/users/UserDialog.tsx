import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleSchema } from '../../../../shared/schemas/common';
import type { PublicUser, Team } from '../../../../shared/schemas/user';
import { useToast } from '../../../app/Toaster';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { Spinner } from '../../../components/Spinner';
import { useTRPC } from '../../../lib/trpc';
import { useSession } from '../../auth/useSession';
import { unplacedIssues } from '../../automation/server-issues';
import { PasswordInput } from './PasswordInput';
import { SkillsEditor } from './SkillsEditor';
import { useFormIssues } from './useFormIssues';
import { createdSkills, toCreateInput, toPatch, userDraft, type UserDraft } from './user-form';

const PLACED = ['username', 'displayName', 'role', 'extension', 'password', 'teamIds', 'skills', 'active'];

/**
 * Create a user (login, name, role, extension, teams, skills, initial password) or edit one (all
 * but the login and password; active/deactivated). Saves carry the version the form was opened
 * with: a change made meanwhile by someone else is refused and offered as a reload.
 */
export function UserDialog({ user: opened, teams, knownSkills, defaultTeamIds, onClose }: { user: PublicUser | null; teams: readonly Team[]; knownSkills: readonly string[]; defaultTeamIds: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const session = useSession();
  const [user, setUser] = useState<PublicUser | null>(opened);
  const [d, setD] = useState<UserDraft>(() => userDraft(opened, defaultTeamIds));
  const [skillsNotSaved, setSkillsNotSaved] = useState(false);
  const form = useFormIssues({
    fields: { 'errors.username_taken': { path: 'username' }, 'errors.extension_taken': { path: 'extension' }, 'errors.unknown_team': { path: 'teamIds' } },
    rename: (path) => path.replace(/^patch\./, ''),
  });
  const create = useMutation(trpc.users.create.mutationOptions());
  const update = useMutation(trpc.users.update.mutationOptions());
  const busy = create.isPending || update.isPending;
  const isSelf = user?.id === session.user.id;
  const set = (patch: Partial<UserDraft>) => setD((x) => ({ ...x, ...patch }));
  const refreshLists = () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    setSkillsNotSaved(false);
    if (!user) {
      let created: PublicUser;
      try {
        created = await create.mutateAsync(toCreateInput(d));
      } catch (err) {
        form.onError(err);
        return;
      }
      const skills = createdSkills(d);
      if (skills.length > 0) {
        try {
          await update.mutateAsync({ id: created.id, version: created.version, patch: { skills } });
        } catch (err) {
          // The user exists now: the form goes on as its editor, with the skills' problems shown.
          void refreshLists();
          setUser(created);
          setSkillsNotSaved(true);
          form.onError(err);
          return;
        }
      }
      void refreshLists();
      notify(t('admin.userForm.created', { name: created.displayName }));
      onClose();
      return;
    }
    const patch = toPatch(user, d);
    if (Object.keys(patch).length === 0) return onClose();
    try {
      const saved = await update.mutateAsync({ id: user.id, version: user.version, patch });
      void refreshLists();
      notify(t('admin.userForm.saved', { name: saved.displayName }));
      onClose();
    } catch (err) {
      form.onError(err);
    }
  };

  /** After a version conflict: the user as stored now, the form reset to it. */
  const reload = async () => {
    if (!user) return;
    await queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
    const fresh = (await queryClient.fetchQuery(trpc.users.list.queryOptions())).find((u) => u.id === user.id);
    if (!fresh) return;
    setUser(fresh);
    setD(userDraft(fresh));
    form.reset();
    notify(t('admin.userForm.reloaded'));
  };

  const conflict = form.failure === 'errors.version_conflict';
  const unplaced = unplacedIssues(form.issues, PLACED);
  const title = user ? t('admin.userForm.editTitle', { name: user.displayName }) : t('admin.userForm.newTitle');

  return (
    <Dialog title={title} description={user ? t('admin.userForm.editDescription', { username: user.username }) : undefined} onClose={onClose} size="lg" busy={busy}>
      <form ref={form.formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        <div className="dialog__body ppl-form">
          {skillsNotSaved ? (
            <div className="alert alert--warning" role="status">
              {t('admin.userForm.skillsNotSaved')}
            </div>
          ) : null}
          {conflict ? (
            <div className="alert alert--error ppl-conflict" role="alert">
              <span>{t('admin.userForm.conflict')}</span>
              <button type="button" className="button button--sm" onClick={() => void reload()}>
                {t('admin.common.reload')}
              </button>
            </div>
          ) : form.formError ? (
            <div className="alert alert--error" role="alert">
              {form.formError}
              {unplaced.length > 0 ? ` ${t('automation.common.otherErrors')} ${unplaced.join(' · ')}` : null}
            </div>
          ) : null}

          <div className="form-grid">
            {user ? null : (
              <Field label={t('admin.userForm.username')} hint={t('admin.userForm.usernameHint')} error={form.err('username')}>
                {(props) => <input {...props} className="input" autoComplete="off" spellCheck={false} maxLength={40} value={d.username} onChange={(e) => set({ username: e.target.value })} />}
              </Field>
            )}
            <Field label={t('admin.userForm.displayName')} error={form.err('displayName')} className={user ? 'form-grid__wide' : undefined}>
              {(props) => <input {...props} className="input" maxLength={120} value={d.displayName} onChange={(e) => set({ displayName: e.target.value })} />}
            </Field>
            <Field label={t('admin.userForm.role')} hint={isSelf ? t('admin.userForm.selfHint') : t(`admin.userForm.roleHints.${d.role}`)} error={form.err('role')}>
              {(props) => (
                <select {...props} className="select" value={d.role} disabled={isSelf} onChange={(e) => set({ role: RoleSchema.parse(e.target.value) })}>
                  {RoleSchema.options.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('admin.userForm.extension')} hint={t('admin.userForm.extensionHint')} error={form.err('extension')}>
              {(props) => <input {...props} className="input" inputMode="numeric" autoComplete="off" maxLength={8} value={d.extension} onChange={(e) => set({ extension: e.target.value })} />}
            </Field>
            {user ? null : (
              <Field label={t('admin.userForm.password')} hint={t('admin.userForm.passwordHint')} error={form.err('password')} className="form-grid__wide">
                {(props) => <PasswordInput control={props} value={d.password} onChange={(password) => set({ password })} canGenerate />}
              </Field>
            )}
          </div>

          <fieldset className="fieldset" aria-invalid={form.err('teamIds') ? true : undefined}>
            <legend className="field__label">{t('admin.userForm.teams')}</legend>
            {teams.length === 0 ? <p className="muted ppl-empty-line">{t('admin.userForm.noTeamsYet')}</p> : null}
            <div className="check-grid check-grid--compact">
              {teams.map((team) => (
                <label key={team.id} className="check">
                  <input type="checkbox" checked={d.teamIds.includes(team.id)} onChange={(e) => set({ teamIds: e.target.checked ? [...d.teamIds, team.id] : d.teamIds.filter((id) => id !== team.id) })} />
                  <span>{team.name}</span>
                </label>
              ))}
            </div>
            {form.err('teamIds') ? <p className="field__error">{form.err('teamIds')}</p> : null}
          </fieldset>

          <SkillsEditor skills={d.skills} known={knownSkills} issues={form.issues} onChange={(skills) => set({ skills })} />

          {user ? (
            <fieldset className="fieldset">
              <legend className="field__label">{t('admin.userForm.status')}</legend>
              <label className="check check--switch">
                <span className="switch">
                  <input type="checkbox" checked={d.active} disabled={isSelf} aria-describedby="user-active-hint" onChange={(e) => set({ active: e.target.checked })} />
                  <span className="switch__track" aria-hidden="true" />
                </span>
                <span>{t('admin.userForm.active')}</span>
              </label>
              <p id="user-active-hint" className="field__hint">
                {isSelf ? t('admin.userForm.selfHint') : t('admin.userForm.activeHint')}
              </p>
            </fieldset>
          ) : null}
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            {t('automation.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? <Spinner size={16} /> : null}
            {user ? t('automation.common.save') : t('automation.common.create')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
