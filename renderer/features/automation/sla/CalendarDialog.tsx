import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BusinessCalendar, BusinessInterval } from '../../../../shared/schemas/sla';
import { useToast } from '../../../app/Toaster';
import { Dialog } from '../../../components/Dialog';
import { Field } from '../../../components/Field';
import { PlusIcon, TrashIcon } from '../../../components/icons/UiIcons';
import { Spinner } from '../../../components/Spinner';
import { useTRPC } from '../../../lib/trpc';
import { RowField } from '../RowField';
import { issuesUnder, unplacedIssues } from '../server-issues';
import { BRAZIL_TIME_ZONES, calendarDraft, toCalendarInput, type CalendarDraft } from './sla-form';
import { useSaveIssues } from './useSaveWithIssues';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '0'] as const;

/** Create or edit a business calendar: zone, 24×7 or weekly hours (several intervals, overnight), holidays. */
export function CalendarDialog({ calendar, onClose }: { calendar: BusinessCalendar | null; onClose: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [d, setD] = useState<CalendarDraft>(() => calendarDraft(calendar));
  const { issues, formError, reset, onError } = useSaveIssues();
  const save = useMutation({
    ...trpc.sla.saveCalendar.mutationOptions(),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: trpc.sla.calendars.pathKey() });
      notify(t('automation.sla.calendarSaved', { name: saved.name }));
      onClose();
    },
    onError,
  });
  const set = (patch: Partial<CalendarDraft>) => setD((x) => ({ ...x, ...patch }));
  const setDay = (day: number, intervals: BusinessInterval[]) => set({ weeklyHours: d.weeklyHours.map((x, i) => (i === day ? intervals : x)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    reset();
    save.mutate(toCalendarInput(d));
  };
  const unplaced = unplacedIssues(issues, ['name', 'timeZone', 'kind', 'weeklyHours', 'holidays']);
  const title = calendar ? t('automation.sla.editCalendarTitle', { name: calendar.name }) : t('automation.sla.newCalendarTitle');
  const zones: string[] = BRAZIL_TIME_ZONES.includes(d.timeZone as never) ? [...BRAZIL_TIME_ZONES] : [d.timeZone, ...BRAZIL_TIME_ZONES];

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
            <Field label={t('automation.sla.name')} error={issues.name ?? null}>
              {(props) => <input {...props} className="input" value={d.name} maxLength={80} onChange={(e) => set({ name: e.target.value })} />}
            </Field>
            <Field label={t('automation.sla.timeZone')} error={issues.timeZone ?? null}>
              {(props) => (
                <select {...props} className="select" value={d.timeZone} onChange={(e) => set({ timeZone: e.target.value })}>
                  {zones.map((z) => (
                    <option key={z} value={z}>
                      {(BRAZIL_TIME_ZONES as readonly string[]).includes(z) ? t(`automation.sla.zones.${z as (typeof BRAZIL_TIME_ZONES)[number]}`) : z}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('automation.sla.kind')}>
              {(props) => (
                <select {...props} className="select" value={d.kind} onChange={(e) => set({ kind: e.target.value === '24x7' ? '24x7' : 'business' })}>
                  <option value="business">{t('automation.sla.kindBusiness')}</option>
                  <option value="24x7">{t('automation.sla.kind24x7')}</option>
                </select>
              )}
            </Field>
          </div>

          {d.kind === 'business' ? (
            <>
              <fieldset className="fieldset">
                <legend className="field__label">{t('automation.sla.weeklyHours')}</legend>
                {issues.weeklyHours ? <p className="field__error">{issues.weeklyHours}</p> : null}
                <div className="cal-week">
                  {WEEKDAYS.map((key) => {
                    const day = Number(key);
                    const dayName = t(`automation.sla.weekdays.${key}`);
                    const intervals = d.weeklyHours[day] ?? [];
                    return (
                      <div key={key} className="cal-day" role="group" aria-label={dayName}>
                        <span className="cal-day__name">{dayName}</span>
                        <div className="cal-day__intervals">
                          {intervals.length === 0 ? <span className="muted cal-day__closed">{t('automation.sla.closed')}</span> : null}
                          {intervals.map((iv, i) => {
                            const problems = issuesUnder(issues, `weeklyHours.${day}.${i}`);
                            const n = i + 1;
                            const patch = (p: Partial<BusinessInterval>) => setDay(day, intervals.map((x, j) => (j === i ? { ...x, ...p } : x)));
                            return (
                              <div key={i} className="cal-interval" role="group" aria-label={t('automation.sla.interval', { day: dayName, n })}>
                                <RowField label={t('automation.sla.start')}>{(id) => <input id={id} type="time" className="input input--sm" value={iv.start} aria-invalid={problems.length ? true : undefined} onChange={(e) => patch({ start: e.target.value })} />}</RowField>
                                <RowField label={t('automation.sla.end')}>{(id) => <input id={id} type="time" className="input input--sm" value={iv.end === '24:00' ? '23:59' : iv.end} aria-invalid={problems.length ? true : undefined} onChange={(e) => patch({ end: e.target.value })} />}</RowField>
                                <label className="check cal-interval__overnight">
                                  <input type="checkbox" checked={iv.overnight} onChange={(e) => patch({ overnight: e.target.checked })} />
                                  <span>{t('automation.sla.overnight')}</span>
                                </label>
                                <button type="button" className="icon-button icon-button--sm" aria-label={t('automation.sla.removeInterval', { day: dayName, n })} title={t('automation.sla.removeInterval', { day: dayName, n })} onClick={() => setDay(day, intervals.filter((_, j) => j !== i))}>
                                  <TrashIcon size={14} />
                                </button>
                                {problems.length ? <p className="field__error cal-interval__error">{problems.join(' · ')}</p> : null}
                              </div>
                            );
                          })}
                        </div>
                        <button type="button" className="icon-button icon-button--sm" aria-label={t('automation.sla.addInterval', { day: dayName })} title={t('automation.sla.addInterval', { day: dayName })} onClick={() => setDay(day, [...intervals, { start: '08:00', end: '12:00', overnight: false }])}>
                          <PlusIcon size={14} />
                        </button>
                      </div>
                    );
                  })}
                </div>
              </fieldset>

              <fieldset className="fieldset">
                <legend className="field__label">{t('automation.sla.holidays')}</legend>
                <p className="field__hint">{t('automation.sla.holidaysHint')}</p>
                {d.holidays.length === 0 ? <p className="muted">{t('automation.sla.noHolidays')}</p> : null}
                <ol className="cal-holidays">
                  {d.holidays.map((h, i) => {
                    const n = i + 1;
                    const patch = (p: Partial<typeof h>) => set({ holidays: d.holidays.map((x, j) => (j === i ? { ...x, ...p } : x)) });
                    const problems = issuesUnder(issues, `holidays.${i}`);
                    return (
                      <li key={i} className="cal-interval">
                        <RowField label={t('automation.sla.holidayDate')}>{(id) => <input id={id} type="date" className="input input--sm" value={h.date} aria-invalid={problems.length ? true : undefined} onChange={(e) => patch({ date: e.target.value })} />}</RowField>
                        <RowField label={t('automation.sla.holidayName')} className="rule-row__field--grow">
                          {(id) => <input id={id} className="input input--sm" value={h.name} maxLength={120} onChange={(e) => patch({ name: e.target.value })} />}
                        </RowField>
                        <button type="button" className="icon-button icon-button--sm" aria-label={t('automation.sla.removeHoliday', { n })} title={t('automation.sla.removeHoliday', { n })} onClick={() => set({ holidays: d.holidays.filter((_, j) => j !== i) })}>
                          <TrashIcon size={14} />
                        </button>
                        {problems.length ? <p className="field__error cal-interval__error">{problems.join(' · ')}</p> : null}
                      </li>
                    );
                  })}
                </ol>
                <button type="button" className="button button--sm" onClick={() => set({ holidays: [...d.holidays, { date: '', name: '' }] })}>
                  <PlusIcon size={14} />
                  {t('automation.sla.addHoliday')}
                </button>
              </fieldset>
            </>
          ) : null}
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={save.isPending}>
            {t('automation.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? <Spinner size={16} /> : null}
            {calendar ? t('automation.common.save') : t('automation.common.create')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
