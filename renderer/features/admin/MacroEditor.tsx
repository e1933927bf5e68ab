import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MACRO_PLACEHOLDERS } from '../../../shared/schemas/macro';
import { PRIORITIES, type Priority, type TicketStatus } from '../../../shared/schemas/ticket';
import { useToast } from '../../app/Toaster';
import { Field } from '../../components/Field';
import { TrashIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { TagEditor } from '../../components/TagEditor';
import { errorMessageKey, invalidFields } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { emptyMacroForm, serverFieldToMacroField, toMacroInput, unknownPlaceholders, validateMacroForm, type MacroField, type MacroFormErrors, type MacroFormValues } from './macro-form';

type Macro = RouterOutputs['macros']['list'][number];

/** Statuses a macro may set (new and closed are not where a reply leaves a ticket). */
const MACRO_STATUSES: TicketStatus[] = ['open', 'pending', 'on_hold', 'solved'];

/** Create or edit a macro: body with placeholder help, the field changes it applies, who sees it. */
export function MacroEditor({ macro, onSaved, onDelete, onCancel }: { macro: Macro | null; onSaved: (macro: Macro) => void; onDelete?: (() => void) | undefined; onCancel: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), staleTime: 5 * 60_000 });
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [values, setValues] = useState<MacroFormValues>(() =>
    macro
      ? {
          name: macro.name,
          body: macro.body,
          status: macro.actions.status ?? '',
          priority: macro.actions.priority ?? '',
          addTags: macro.actions.addTags,
          removeTags: macro.actions.removeTags,
          teamIds: macro.teamIds,
          active: macro.active,
        }
      : emptyMacroForm(),
  );
  const [errors, setErrors] = useState<MacroFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);

  const onSuccess = (saved: Macro) => {
    // In the list at once (the editor reopens on it), then refetched in the list's order.
    queryClient.setQueryData(trpc.macros.list.queryKey(), (old) => (old ? [...old.filter((m) => m.id !== saved.id), saved] : old));
    void queryClient.invalidateQueries({ queryKey: trpc.macros.list.pathKey() });
    notify(t('workspace.admin.saved', { name: saved.name }));
    onSaved(saved);
  };
  const onError = (err: unknown) => {
    const fields = invalidFields(err).map(serverFieldToMacroField).filter((f): f is MacroField => f !== null);
    if (fields.length > 0) {
      // The server names the field; our text says what is wrong (its own text is English).
      const unknown = unknownPlaceholders(values.body).map((name) => `{{${name}}}`).join(', ');
      setErrors(Object.fromEntries(fields.map((f) => [f, f === 'body' && unknown ? { key: 'unknownPlaceholder', value: unknown } : { key: 'serverInvalid' }])));
      setFormError(t('workspace.admin.fixErrors'));
      return;
    }
    setFormError(t(errorMessageKey(err)));
    if (errorMessageKey(err) === 'errors.version_conflict') void queryClient.invalidateQueries({ queryKey: trpc.macros.list.pathKey() });
  };
  const create = useMutation({ ...trpc.macros.create.mutationOptions(), onSuccess, onError });
  const update = useMutation({ ...trpc.macros.update.mutationOptions(), onSuccess, onError });
  const saving = create.isPending || update.isPending;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateMacroForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormError(t('workspace.admin.fixErrors'));
      const first = (['name', 'body', 'actions'] as const).find((f) => found[f]);
      document.getElementById(`macro-${first ?? 'name'}`)?.focus();
      return;
    }
    setFormError(null);
    const input = toMacroInput(values);
    if (macro) update.mutate({ id: macro.id, version: macro.version, macro: input });
    else create.mutate(input);
  };

  const insertPlaceholder = (name: string) => {
    const el = bodyRef.current;
    const token = `{{${name}}}`;
    setValues((v) => {
      const start = el?.selectionStart ?? v.body.length;
      const end = el?.selectionEnd ?? v.body.length;
      requestAnimationFrame(() => {
        el?.focus();
        el?.setSelectionRange(start + token.length, start + token.length);
      });
      return { ...v, body: v.body.slice(0, start) + token + v.body.slice(end) };
    });
  };

  const error = (field: MacroField) => {
    const e = errors[field];
    return e ? t(`workspace.admin.errors.${e.key}`, { value: e.value ?? '' }) : null;
  };
  const set = <K extends keyof MacroFormValues>(key: K, value: MacroFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  return (
    <form className="panel macro-editor" onSubmit={submit} noValidate aria-labelledby="macro-editor-title">
      <header className="panel__header">
        <h2 id="macro-editor-title" className="panel__title">
          {macro ? t('workspace.admin.editTitle', { name: macro.name }) : t('workspace.admin.newTitle')}
        </h2>
      </header>
      <div className="panel__body">
        {formError ? (
          <div className="alert alert--error" role="alert">
            {formError}
          </div>
        ) : null}
        <Field id="macro-name" label={t('workspace.admin.name')} error={error('name')}>
          {(props) => <input {...props} className="input" value={values.name} onChange={(e) => set('name', e.target.value)} maxLength={120} autoFocus={!macro} />}
        </Field>
        <Field id="macro-body" label={t('workspace.admin.body')} error={error('body')} hint={t('workspace.admin.bodyHint')}>
          {(props) => <textarea {...props} ref={bodyRef} className="textarea textarea--tall" value={values.body} onChange={(e) => set('body', e.target.value)} maxLength={20_000} />}
        </Field>
        <div className="placeholder-help" role="group" aria-label={t('workspace.admin.placeholders')}>
          <span className="placeholder-help__label">{t('workspace.admin.placeholders')}</span>
          {MACRO_PLACEHOLDERS.map((p) => (
            <button key={p} type="button" className="chip-button" onClick={() => insertPlaceholder(p)} title={t(`workspace.admin.placeholderHelp.${p.replace('.', '_') as PlaceholderKey}`)}>
              <code>{`{{${p}}}`}</code>
            </button>
          ))}
        </div>

        <fieldset className="fieldset">
          <legend className="field__label">{t('workspace.admin.actions')}</legend>
          <p className="field__hint">{t('workspace.admin.actionsHint')}</p>
          <div className="form-grid">
            <Field id="macro-actions" label={t('workspace.admin.setStatus')}>
              {(props) => (
                <select {...props} className="select" value={values.status} onChange={(e) => set('status', e.target.value as TicketStatus | '')}>
                  <option value="">{t('workspace.admin.noChange')}</option>
                  {MACRO_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('workspace.admin.setPriority')}>
              {(props) => (
                <select {...props} className="select" value={values.priority} onChange={(e) => set('priority', e.target.value as Priority | '')}>
                  <option value="">{t('workspace.admin.noChange')}</option>
                  {[...PRIORITIES].reverse().map((p) => (
                    <option key={p} value={p}>
                      {t(`priority.${p}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('workspace.admin.addTags')} error={error('actions')}>
              {(props) => <TagEditor id={props.id} describedBy={props['aria-describedby']} invalid={props['aria-invalid']} value={values.addTags} onChange={(tags) => set('addTags', tags)} />}
            </Field>
            <Field label={t('workspace.admin.removeTags')}>
              {(props) => <TagEditor id={props.id} describedBy={props['aria-describedby']} value={values.removeTags} onChange={(tags) => set('removeTags', tags)} />}
            </Field>
          </div>
        </fieldset>

        <fieldset className="fieldset">
          <legend className="field__label">{t('workspace.admin.teams')}</legend>
          <p className="field__hint">{t('workspace.admin.teamsHint')}</p>
          <div className="check-grid">
            {(teams.data ?? []).map((team) => (
              <label key={team.id} className="check">
                <input
                  type="checkbox"
                  checked={values.teamIds.includes(team.id)}
                  onChange={(e) => set('teamIds', e.target.checked ? [...values.teamIds, team.id] : values.teamIds.filter((id) => id !== team.id))}
                />
                <span>{team.name}</span>
              </label>
            ))}
          </div>
          {error('teamIds') ? <p className="field__error">{error('teamIds')}</p> : null}
        </fieldset>

        <label className="check check--switch">
          <input type="checkbox" checked={values.active} onChange={(e) => set('active', e.target.checked)} />
          <span>{t('workspace.admin.active')}</span>
        </label>
      </div>
      <footer className="panel__footer">
        {onDelete ? (
          <button type="button" className="button button--ghost button--danger-text" onClick={onDelete} disabled={saving}>
            <TrashIcon size={16} />
            {t('workspace.admin.delete')}
          </button>
        ) : null}
        <span className="spacer" />
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          {t('workspace.common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? <Spinner size={16} /> : null}
          {macro ? t('workspace.common.save') : t('workspace.admin.create')}
        </button>
      </footer>
    </form>
  );
}

type PlaceholderKey = 'customer_name' | 'customer_first_name' | 'ticket_number' | 'ticket_subject' | 'agent_name' | 'agent_first_name';
