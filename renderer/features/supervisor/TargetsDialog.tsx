import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiId } from '../../../shared/kpi';
import { useToast } from '../../app/Toaster';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey, invalidFields } from '../../lib/errors';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useLanguage } from '../../lib/useLanguage';
import { directionOf, formatDuration, parseDecimal, parseDuration, unitOf } from './kpi-format';

type Targets = RouterOutputs['wallboard']['targets'];

/** The KPIs an admin sets targets for, in the order of the wallboard and the charts. */
export const TARGET_KPIS = ['tma', 'tmeVoice', 'fcr', 'csat', 'serviceLevel', 'abandonment', 'slaFirstResponse', 'slaResolution'] as const satisfies readonly KpiId[];
type TargetKpi = (typeof TARGET_KPIS)[number];

function toText(kpi: TargetKpi, value: number | undefined, language: string): string {
  if (value === undefined) return '';
  return unitOf(kpi) === 'seconds' ? formatDuration(value) : new Intl.NumberFormat(language, { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/** Text → value, `null` for blank (no target), `undefined` when it does not parse. */
function fromText(kpi: TargetKpi, text: string): number | null | undefined {
  if (text.trim() === '') return null;
  if (unitOf(kpi) === 'seconds') return parseDuration(text) ?? undefined;
  const n = parseDecimal(text);
  return n === null || n < 0 || n > 100 ? undefined : n;
}

/** Admins: the targets of the wallboard tiles and chart target lines, checked here and by the server. */
export function TargetsDialog({ targets, onClose }: { targets: Targets; onClose: () => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const notify = useToast();
  const [values, setValues] = useState<Record<TargetKpi, string>>(() => Object.fromEntries(TARGET_KPIS.map((k) => [k, toText(k, targets[k], language)])) as Record<TargetKpi, string>);
  const [errors, setErrors] = useState<Partial<Record<TargetKpi, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    ...trpc.wallboard.setTargets.mutationOptions(),
    onSuccess: (next) => {
      queryClient.setQueryData(trpc.wallboard.targets.queryKey(), next);
      void queryClient.invalidateQueries({ queryKey: trpc.wallboard.targets.queryKey() });
      notify(t('supervisor.targets.saved'));
      onClose();
    },
    onError: (err) => {
      const fields = invalidFields(err).filter((f): f is TargetKpi => (TARGET_KPIS as readonly string[]).includes(f));
      if (fields.length > 0) {
        setErrors(Object.fromEntries(fields.map((f) => [f, invalidText(f)])));
        document.getElementById(`target-${fields[0]}`)?.focus();
        return;
      }
      setFormError(t(errorMessageKey(err)));
    },
  });

  const invalidText = (kpi: TargetKpi) => (unitOf(kpi) === 'seconds' ? t('supervisor.targets.invalidDuration') : t('supervisor.targets.invalidPercent'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const patch: Partial<Record<TargetKpi, number | null>> = {};
    const found: Partial<Record<TargetKpi, string>> = {};
    for (const kpi of TARGET_KPIS) {
      const value = fromText(kpi, values[kpi]);
      if (value === undefined) found[kpi] = invalidText(kpi);
      else patch[kpi] = value;
    }
    setErrors(found);
    const first = TARGET_KPIS.find((k) => found[k]);
    if (first) {
      document.getElementById(`target-${first}`)?.focus();
      return;
    }
    setFormError(null);
    save.mutate(patch);
  };

  return (
    <Dialog title={t('supervisor.targets.title')} description={t('supervisor.targets.description')} onClose={onClose} size="lg" busy={save.isPending}>
      <form onSubmit={submit} noValidate>
        <div className="dialog__body">
          {formError ? (
            <div className="alert alert--error" role="alert">
              {formError}
            </div>
          ) : null}
          <div className="sv-targets-grid">
            {TARGET_KPIS.map((kpi) => (
              <Field
                key={kpi}
                id={`target-${kpi}`}
                label={t(`kpi.${kpi}`)}
                hint={`${directionOf(kpi) === 'lower' ? t('supervisor.targets.atMost') : t('supervisor.targets.atLeast')} · ${unitOf(kpi) === 'seconds' ? t('supervisor.targets.durationHint') : t('supervisor.targets.percentHint')}`}
                error={errors[kpi] ?? null}
              >
                {(props) => (
                  <span className="sv-input-unit">
                    <input {...props} className="input" inputMode={unitOf(kpi) === 'seconds' ? 'text' : 'decimal'} value={values[kpi]} onChange={(e) => setValues((v) => ({ ...v, [kpi]: e.target.value }))} maxLength={12} autoComplete="off" />
                    <span className="sv-input-unit__suffix" aria-hidden="true">
                      {unitOf(kpi) === 'seconds' ? 'm:ss' : '%'}
                    </span>
                  </span>
                )}
              </Field>
            ))}
          </div>
        </div>
        <footer className="dialog__footer">
          <button type="button" className="button" onClick={onClose} disabled={save.isPending}>
            {t('workspace.common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={save.isPending}>
            {save.isPending ? <Spinner size={16} /> : null}
            {t('supervisor.targets.save')}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
