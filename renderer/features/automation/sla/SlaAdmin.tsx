import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessCalendar, SlaPolicy } from '../../../../shared/schemas/sla';
import { useToast } from '../../../app/Toaster';
import { Dialog } from '../../../components/Dialog';
import { ClockIcon, EditIcon, PlusIcon, TrashIcon } from '../../../components/icons/UiIcons';
import { Spinner } from '../../../components/Spinner';
import { errorMessageKey } from '../../../lib/errors';
import { useTRPC } from '../../../lib/trpc';
import { useAdminDirectory } from '../useAdminDirectory';
import { useValueLabel } from '../useValueLabel';
import { CalendarDialog } from './CalendarDialog';
import { PolicyDialog } from './PolicyDialog';

/** SLA: the policies in the order they are tried, and the calendars their clocks run on. */
export function SlaAdmin() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const policies = useQuery(trpc.sla.policies.queryOptions());
  const calendars = useQuery(trpc.sla.calendars.queryOptions());
  const directory = useAdminDirectory();
  const label = useValueLabel();
  const [policy, setPolicy] = useState<SlaPolicy | 'new' | null>(null);
  const [calendar, setCalendar] = useState<BusinessCalendar | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SlaPolicy | null>(null);
  const calendarList = calendars.data ?? [];
  const policyList = policies.data ?? [];
  const calendarName = (id: string) => calendarList.find((c) => c.id === id)?.name ?? id;
  const duration = (minutes: number) => {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return h && m ? t('automation.sla.duration', { h, m }) : h ? t('automation.sla.durationHours', { h }) : t('automation.sla.durationMinutes', { m });
  };
  const summary = (p: SlaPolicy) => {
    const c = p.conditions;
    const parts = [
      c.priorities.length ? `${t('automation.sla.priorities')}: ${label('priority', c.priorities)}` : null,
      c.channels.length ? `${t('automation.sla.channels')}: ${label('channel', c.channels)}` : null,
      c.customerTags.length ? `${t('automation.sla.customerTags')}: ${c.customerTags.join(', ')}` : null,
      c.teamIds.length ? `${t('automation.sla.teams')}: ${c.teamIds.map((id) => directory.nameOf('team', id)).join(', ')}` : null,
      c.categories.length ? `${t('automation.sla.categories')}: ${c.categories.join(', ')}` : null,
    ].filter(Boolean);
    return parts.length ? parts.join(' · ') : t('automation.sla.anyTicket');
  };

  return (
    <div className="adm-stack">
      <section className="panel" aria-labelledby="sla-policies-title">
        <header className="panel__header">
          <h2 id="sla-policies-title" className="panel__title">
            <ClockIcon size={16} />
            {t('automation.sla.policies')}
          </h2>
          <button type="button" className="button button--primary button--sm" onClick={() => setPolicy('new')} disabled={calendarList.length === 0}>
            <PlusIcon size={14} />
            {t('automation.sla.newPolicy')}
          </button>
        </header>
        <p className="adm-hint">{t('automation.sla.policiesHint')}</p>
        {policies.isPending ? (
          <p className="panel__empty">
            <Spinner size={16} /> {t('app.loading')}
          </p>
        ) : policies.isError ? (
          <p className="panel__empty">{t(errorMessageKey(policies.error))}</p>
        ) : policyList.length === 0 ? (
          <p className="panel__empty">{t('automation.sla.noPolicies')}</p>
        ) : (
          <div className="adm-table-wrap">
            <table className="data-table" aria-labelledby="sla-policies-title">
              <thead>
                <tr>
                  <th className="num">{t('automation.sla.order')}</th>
                  <th>{t('automation.sla.name')}</th>
                  <th className="data-table__grow">{t('automation.sla.conditions')}</th>
                  <th className="num">{t('automation.sla.firstResponse')}</th>
                  <th className="num">{t('automation.sla.resolution')}</th>
                  <th>{t('automation.sla.calendar')}</th>
                  <th className="num">{t('automation.sla.warnAt')}</th>
                  <th>
                    <span className="visually-hidden">{t('automation.sla.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {policyList.map((p) => (
                  <tr key={p.id}>
                    <td className="num">{p.order}</td>
                    <td>
                      <strong>{p.name}</strong>
                    </td>
                    <td className="adm-muted-cell">{summary(p)}</td>
                    <td className="num">{duration(p.firstResponseMinutes)}</td>
                    <td className="num">{duration(p.resolutionMinutes)}</td>
                    <td>{calendarName(p.calendarId)}</td>
                    <td className="num">{t('automation.sla.percent', { value: Math.round(p.warnAtShare * 100) })}</td>
                    <td className="adm-row-actions">
                      <button type="button" className="icon-button icon-button--sm" aria-label={t('automation.sla.editPolicy', { name: p.name })} title={t('automation.sla.editPolicy', { name: p.name })} onClick={() => setPolicy(p)}>
                        <EditIcon size={14} />
                      </button>
                      <button type="button" className="icon-button icon-button--sm" aria-label={t('automation.sla.deletePolicy', { name: p.name })} title={t('automation.sla.deletePolicy', { name: p.name })} onClick={() => setDeleting(p)}>
                        <TrashIcon size={14} />
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="sla-calendars-title">
        <header className="panel__header">
          <h2 id="sla-calendars-title" className="panel__title">
            {t('automation.sla.calendars')}
          </h2>
          <button type="button" className="button button--sm" onClick={() => setCalendar('new')}>
            <PlusIcon size={14} />
            {t('automation.sla.newCalendar')}
          </button>
        </header>
        <p className="adm-hint">{t('automation.sla.calendarsHint')}</p>
        <ul className="adm-cards">
          {calendarList.map((c) => (
            <li key={c.id}>
              <button type="button" className="adm-card" onClick={() => setCalendar(c)}>
                <span className="adm-card__title">{c.name}</span>
                <span className="adm-card__meta">
                  {c.kind === '24x7' ? t('automation.sla.kind24x7') : t('automation.sla.kindBusiness')} · {c.timeZone}
                  {c.kind === 'business' ? ` · ${t('automation.sla.holidayCount', { count: c.holidays.length })}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      {policy ? <PolicyDialog policy={policy === 'new' ? null : policy} calendars={calendarList} nextOrder={policyList.reduce((max, p) => Math.max(max, p.order), 0) + 10} onClose={() => setPolicy(null)} /> : null}
      {calendar ? <CalendarDialog calendar={calendar === 'new' ? null : calendar} onClose={() => setCalendar(null)} /> : null}
      {deleting ? <DeletePolicyDialog policy={deleting} onClose={() => setDeleting(null)} /> : null}
    </div>
  );
}

function DeletePolicyDialog({ policy, onClose }: { policy: SlaPolicy; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const remove = useMutation({
    ...trpc.sla.deletePolicy.mutationOptions(),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: trpc.sla.policies.pathKey() });
      notify(t('automation.sla.policyDeleted', { name: policy.name }));
      onClose();
    },
  });
  return (
    <Dialog title={t('automation.sla.deleteTitle')} description={t('automation.sla.deleteDescription', { name: policy.name })} onClose={onClose} size="sm" busy={remove.isPending}>
      {remove.isError ? (
        <div className="dialog__body">
          <div className="alert alert--error" role="alert">
            {t(errorMessageKey(remove.error))}
          </div>
        </div>
      ) : null}
      <footer className="dialog__footer">
        <button type="button" className="button" onClick={onClose} disabled={remove.isPending} autoFocus>
          {t('automation.common.cancel')}
        </button>
        <button type="button" className="button button--danger" onClick={() => remove.mutate({ id: policy.id })} disabled={remove.isPending}>
          {remove.isPending ? <Spinner size={16} /> : null}
          {t('automation.common.delete')}
        </button>
      </footer>
    </Dialog>
  );
}
