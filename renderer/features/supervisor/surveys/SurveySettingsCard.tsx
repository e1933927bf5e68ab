import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveySettings } from '../../../../shared/schemas/survey';
import { useToast } from '../../../app/Toaster';
import { Field } from '../../../components/Field';
import { AlertIcon, LockIcon } from '../../../components/icons/UiIcons';
import { Spinner } from '../../../components/Spinner';
import { errorMessageKey } from '../../../lib/errors';
import { useTRPC } from '../../../lib/trpc';
import { useFormIssues } from '../../admin/users/useFormIssues';
import { useSession } from '../../auth/useSession';
import { sameDraft, settingsDraft, settingsInput, type SurveySettingsDraft } from './survey-settings-form';

/**
 * The survey settings: admins edit them (`surveys.saveSettings` is theirs), supervisors read them
 * (`surveys.settings` is open to them) so they know when customers are asked and whether the
 * invitations go out at all.
 */
export function SurveySettingsCard() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const settings = useQuery(trpc.surveys.settings.queryOptions());
  const canEdit = user.role === 'admin';
  return (
    <section className="sv-card sv-survey-settings" aria-labelledby="sv-survey-settings-title">
      <header className="sv-card__head">
        <div className="sv-card__heading">
          <h2 id="sv-survey-settings-title" className="sv-card__title">
            {t('supervisor.surveys.settings.title')}
          </h2>
          <p className="sv-card__subtitle">{canEdit ? t('supervisor.surveys.settings.subtitle') : t('supervisor.surveys.settings.readOnlySubtitle')}</p>
        </div>
      </header>
      <div className="sv-survey-settings__body">
        {settings.isPending ? (
          <div className="sv-loading" role="status">
            <Spinner size={18} /> {t('supervisor.surveys.settings.loading')}
          </div>
        ) : settings.isError ? (
          <p className="alert alert--error" role="alert">
            <AlertIcon size={16} />
            {t(errorMessageKey(settings.error))}
          </p>
        ) : canEdit ? (
          <SurveySettingsForm settings={settings.data} />
        ) : (
          <SurveySettingsSummary settings={settings.data} />
        )}
      </div>
    </section>
  );
}

/** Without a public address the surveys are still created, but no invitation reaches the customer. */
function NotPublishedNotice() {
  const { t } = useTranslation();
  return (
    <p className="alert alert--warning sv-survey-settings__notice">
      <AlertIcon size={16} />
      {t('supervisor.surveys.settings.notPublished')}
    </p>
  );
}

function SurveySettingsForm({ settings }: { settings: SurveySettings }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [d, setD] = useState<SurveySettingsDraft>(() => settingsDraft(settings));
  const form = useFormIssues();
  const save = useMutation({
    ...trpc.surveys.saveSettings.mutationOptions(),
    onSuccess: (next) => {
      queryClient.setQueryData(trpc.surveys.settings.queryKey(), next);
      setD(settingsDraft(next));
      notify(t('supervisor.surveys.settings.saved'));
    },
    onError: form.onError,
  });
  const busy = save.isPending;
  const dirty = !sameDraft(d, settingsDraft(settings));
  const set = (patch: Partial<SurveySettingsDraft>) => setD((x) => ({ ...x, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.reset();
    save.mutate(settingsInput(d));
  };
  const undo = () => {
    form.reset();
    setD(settingsDraft(settings));
  };
  // zod's URL message is English and says little: any refusal of the address gets our own text.
  const urlError = form.err('publicUrl') ? t('supervisor.surveys.settings.publicUrlInvalid') : null;

  return (
    <form ref={form.formRef} className="sv-survey-form" onSubmit={submit} noValidate aria-labelledby="sv-survey-settings-title" aria-busy={busy}>
      {form.formError ? (
        <div className="alert alert--error" role="alert">
          <AlertIcon size={16} />
          {form.formError}
        </div>
      ) : null}
      {settings.publicUrl === null ? <NotPublishedNotice /> : null}
      <div className="sv-survey-form__check">
        <label className="check">
          <input type="checkbox" checked={d.csatOnSolve} aria-describedby="sv-survey-csat-hint" onChange={(e) => set({ csatOnSolve: e.target.checked })} />
          <span>{t('supervisor.surveys.settings.csatOnSolve')}</span>
        </label>
        <p id="sv-survey-csat-hint" className="field__hint">
          {t('supervisor.surveys.settings.csatOnSolveHint')}
        </p>
        {form.err('csatOnSolve') ? (
          <p className="field__error">
            <AlertIcon size={14} />
            {form.err('csatOnSolve')}
          </p>
        ) : null}
      </div>
      <div className="sv-survey-form__days">
        <Field label={t('supervisor.surveys.settings.npsCadence')} hint={t('supervisor.surveys.settings.npsCadenceHint')} error={form.err('npsCadenceDays')}>
          {(props) => <DaysInput {...props} value={d.npsCadenceDays} onChange={(v) => set({ npsCadenceDays: v })} />}
        </Field>
        <Field label={t('supervisor.surveys.settings.expiry')} hint={t('supervisor.surveys.settings.expiryHint')} error={form.err('expiryDays')}>
          {(props) => <DaysInput {...props} value={d.expiryDays} onChange={(v) => set({ expiryDays: v })} />}
        </Field>
      </div>
      <Field label={t('supervisor.surveys.settings.publicUrl')} hint={t('supervisor.surveys.settings.publicUrlHint')} error={urlError}>
        {(props) => (
          <input
            {...props}
            type="url"
            inputMode="url"
            className="input"
            maxLength={500}
            spellCheck={false}
            autoComplete="off"
            placeholder={t('supervisor.surveys.settings.publicUrlPlaceholder')}
            value={d.publicUrl}
            onChange={(e) => set({ publicUrl: e.target.value })}
          />
        )}
      </Field>
      <footer className="sv-survey-form__footer">
        {dirty && !busy ? (
          <button type="button" className="button button--ghost" onClick={undo}>
            {t('supervisor.surveys.settings.undo')}
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? <Spinner size={16} /> : null}
          {busy ? t('supervisor.surveys.settings.saving') : t('supervisor.surveys.settings.save')}
        </button>
      </footer>
    </form>
  );
}

function DaysInput({ value, onChange, ...props }: { id: string; 'aria-invalid': true | undefined; 'aria-describedby': string | undefined; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <span className="sv-input-unit">
      <input {...props} className="input" inputMode="numeric" autoComplete="off" maxLength={4} value={value} onChange={(e) => onChange(e.target.value)} />
      <span className="sv-input-unit__suffix" aria-hidden="true">
        {t('supervisor.surveys.settings.daysUnit')}
      </span>
    </span>
  );
}

/** What a supervisor sees: the settings in words, and who changes them. */
function SurveySettingsSummary({ settings }: { settings: SurveySettings }) {
  const { t } = useTranslation();
  const rows: { label: string; value: string }[] = [
    { label: t('supervisor.surveys.settings.csatOnSolve'), value: settings.csatOnSolve ? t('supervisor.surveys.settings.yes') : t('supervisor.surveys.settings.no') },
    {
      label: t('supervisor.surveys.settings.npsCadence'),
      value: settings.npsCadenceDays === 0 ? t('supervisor.surveys.settings.npsNever') : t('supervisor.surveys.settings.npsEvery', { count: settings.npsCadenceDays }),
    },
    { label: t('supervisor.surveys.settings.expiry'), value: t('supervisor.surveys.settings.days', { count: settings.expiryDays }) },
    { label: t('supervisor.surveys.settings.publicUrl'), value: settings.publicUrl ?? t('supervisor.surveys.settings.notSet') },
  ];
  return (
    <div className="sv-survey-summary">
      {settings.publicUrl === null ? <NotPublishedNotice /> : null}
      <dl className="sv-survey-summary__list">
        {rows.map((row) => (
          <div key={row.label} className="sv-survey-summary__row">
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </div>
        ))}
      </dl>
      <p className="sv-survey-summary__note">
        <LockIcon size={14} />
        {t('supervisor.surveys.settings.adminOnly')}
      </p>
    </div>
  );
}
