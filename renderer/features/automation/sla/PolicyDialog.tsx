import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '../../../../shared/schemas/common';
import type { BusinessCalendar, SlaPolicy } from '../../../../shared/schemas/sla';
import { PRIORITIES } from '../../../../shared/schemas/ticket';
import { useToast } from '../../../app/Toaster';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { Spinner } from '../../../components/Spinner';
import { useTRPC } from '../../../lib/trpc';
import { unplacedIssues } from '../server-issues';
import { useAdminDirectory } from '../useAdminDirectory';
import { useValueLabel } from '../useValueLabel';
import { policyDraft, toPolicyInput, type PolicyDraft } from './sla-form';
import { useSaveIssues } from './useSaveWithIssues';

const PLACED = ['name', 'order', 'conditions', 'firstResponseMinutes', 'resolutionMinutes', 'calendarId', 'warnAtShare'];

/** Create or edit an SLA policy: which tickets, the two targets, the calendar, the warning share. */
export function PolicyDialog({ policy, calendars, nextOrder, onClose }: { policy: SlaPolicy | null; calendars: BusinessCalendar[]; nextOrder: number; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const directory = useAdminDirectory();
  const label = useValueLabel();
  const [d, setD] = useState<PolicyDraft>(() => policyDraft(policy, nextOrder, calendars[0]?.id ?? ''));
  const { issues, formError, reset, onError } = useSaveIssues();
  const save = useMutation({
    ...trpc.sla.savePolicy.mutationOptions(),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: trpc.sla.policies.pathKey() });
      notify(t('automation.sla.policySaved', { name: saved.name }));
      onClose();
    },
    onError,
  });
  const set = (patch: Partial<PolicyDraft>) => setD((x) => ({ ...x, ...patch }));
  const toggle = (key: 'priorities' | 'channels' | 'teamIds', value: string, on: boolean) => set({ [key]: on ? [...d[key], value] : d[key].filter((v) => v !== value) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset();
    save.mutate(toPolicyInput(d));
  };
  const err = (path: string) => issues[path] ?? null;
  const unplaced = unplacedIssues(issues, PLACED);
  const title = policy ? t('automation.sla.editPolicyTitle', { name: policy.name }) : t('automation.sla.newPolicyTitle');

  const checks = (key: 'priorities' | 'channels' | 'teamIds', options: { value: string; label: string }[], legend: string) => (
    <fieldset className="fieldset adm-fieldset--tight">
      <legend className="field__label">{legend}</legend>
      <div className="check-grid check-grid--compact">
        {options.map((o) => (
          <label key={o.value} className="check">
            <input type="checkbox" checked={d[key].includes(o.value)} onChange={(e) => toggle(key, o.value, e.target.checked)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {err(`conditions.${key}`) ? <p className="field__error">{err(`conditions.${key}`)}</p> : null}
    </fieldset>
  );

  return (
    <Dialog title={title} onClose={onClose} size="lg" busy={save.isPending}>
      <form onSubmit={submit} noValidate aria-label={title}>
        <div className="dialog__body">
          {formError ? (
            <div className="alert alert--error" role="alert">
              {formError}
              {unplaced.length > 0 ? ` ${t('automation.common.otherErrors')} ${unplaced.join(' · ')}` : null}
            </div>
          ) : null}
          <div className="form-grid form-grid--3">
            <Field label={t('automation.sla.name')} error={err('name')} className="adm-span-2">
              {(props) => <input {...props} className="input" value={d.name} maxLength={80} onChange={(e) => set({ name: e.target.value })} />}
            </Field>
            <Field label={t('automation.sla.order')} error={err('order')}>
              {(props) => <input {...props} className="input" inputMode="numeric" value={d.order} onChange={(e) => set({ order: e.target.value })} />}
            </Field>
          </div>
          <p className="field__hint">{t('automation.sla.conditionsHint')}</p>
          {checks(
            'priorities',
            [...PRIORITIES].reverse().map((p) => ({ value: p, label: label('priority', p) })),
            t('automation.sla.priorities'),
          )}
          {checks(
            'channels',
            CHANNELS.map((c) => ({ value: c, label: label('channel', c) })),
            t('automation.sla.channels'),
          )}
          {checks(
            'teamIds',
            directory.teams.map((x) => ({ value: x.id, label: x.name })),
            t('automation.sla.teams'),
          )}
          <div className="form-grid">
            <Field label={t('automation.sla.customerTags')} hint={t('automation.common.listHint')} error={err('conditions.customerTags')}>
              {(props) => <input {...props} className="input" value={d.customerTags} onChange={(e) => set({ customerTags: e.target.value })} />}
            </Field>
            <Field label={t('automation.sla.categories')} hint={t('automation.common.listHint')} error={err('conditions.categories')}>
              {(props) => <input {...props} className="input" value={d.categories} onChange={(e) => set({ categories: e.target.value })} />}
            </Field>
          </div>
          <div className="form-grid form-grid--4">
            <Field label={`${t('automation.sla.firstResponse')} · ${t('automation.sla.hours')}`} error={err('firstResponseMinutes')}>
              {(props) => <input {...props} className="input" inputMode="numeric" value={d.frH} onChange={(e) => set({ frH: e.target.value })} />}
            </Field>
            <Field label={t('automation.sla.minutes')}>{(props) => <input {...props} className="input" inputMode="numeric" value={d.frM} onChange={(e) => set({ frM: e.target.value })} />}</Field>
            <Field label={`${t('automation.sla.resolution')} · ${t('automation.sla.hours')}`} error={err('resolutionMinutes')}>
              {(props) => <input {...props} className="input" inputMode="numeric" value={d.resH} onChange={(e) => set({ resH: e.target.value })} />}
            </Field>
            <Field label={t('automation.sla.minutes')}>{(props) => <input {...props} className="input" inputMode="numeric" value={d.resM} onChange={(e) => set({ resM: e.target.value })} />}</Field>
          </div>
          <div className="form-grid">
            <Field label={t('automation.sla.calendar')} error={err('calendarId')}>
              {(props) => (
                <select {...props} className="select" value={d.calendarId} onChange={(e) => set({ calendarId: e.target.value })}>
                  {calendars.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('automation.sla.warnAtShare')} hint={t('automation.sla.warnAtHint')} error={err('warnAtShare')}>
              {(props) => <input {...props} className="input" inputMode="decimal" value={d.warnPct} onChange={(e) => set({ warnPct: e.target.value })} />}
            </Field>
          </div>
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={save.isPending}>
            {t('automation.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? <Spinner size={16} /> : null}
            {policy ? t('automation.common.save') : t('automation.common.create')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
