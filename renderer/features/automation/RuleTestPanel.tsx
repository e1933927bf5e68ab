import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RowField } from './RowField';
import { CheckIcon, CloseIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorCode, errorMessageKey } from '../../lib/errors';
import type { ConditionField } from '../../../shared/schemas/automation';
import { useTRPCClient, type RouterOutputs } from '../../lib/trpc';
import { toRuleInput, type RuleDraft } from './rule-form';
import { useValueLabel } from './useValueLabel';

type DryRun = RouterOutputs['automation']['test'];

/** Dry run of the rule as it is in the form against a ticket (by its number): conditions, then changes. */
export function RuleTestPanel({ draft, onInvalid, onValid }: { draft: RuleDraft; onInvalid: (err: unknown) => boolean; onValid: () => void }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ number: number; run: DryRun } | null>(null);
  const test = useMutation({
    mutationFn: async (n: number) => {
      const ticket = await client.tickets.byNumber.query({ number: n });
      return { number: n, run: await client.automation.test.mutate({ rule: toRuleInput(draft), ticketId: ticket.id }) };
    },
    onSuccess: (r) => {
      setResult(r);
      // The server accepted the rule as it is: earlier validation errors no longer hold.
      onValid();
    },
    onError: (err, n) => {
      setResult(null);
      if (onInvalid(err)) setError(t('automation.common.fixErrors'));
      else setError(errorCode(err) === 'NOT_FOUND' ? t('automation.test.notFound', { number: n }) : t(errorMessageKey(err)));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(number.replace(/^#/, '').trim());
    if (!/^#?\d+$/.test(number.trim()) || !Number.isInteger(n) || n <= 0) {
      setError(t('automation.test.badNumber'));
      return;
    }
    setError(null);
    test.mutate(n);
  };

  return (
    <section className="panel" aria-labelledby="rule-test-title">
      <header className="panel__header">
        <h2 id="rule-test-title" className="panel__title">
          {t('automation.test.title')}
        </h2>
      </header>
      <div className="panel__body">
        <p className="field__hint">{t('automation.test.hint')}</p>
        <form className="rule-test__form" onSubmit={submit} noValidate>
          <RowField label={t('automation.test.ticketNumber')}>
            {(id) => (
            <input id={id} className="input" inputMode="numeric" value={number} aria-invalid={error ? true : undefined} aria-describedby={error ? 'rule-test-error' : undefined} onChange={(e) => setNumber(e.target.value)} />
            )}
          </RowField>
          <button type="submit" className="button" disabled={test.isPending}>
            {test.isPending ? <Spinner size={16} /> : null}
            {t('automation.test.run')}
          </button>
        </form>
        {error ? (
          <p id="rule-test-error" className="field__error" role="alert">
            {error}
          </p>
        ) : null}
        {result ? <DryRunResult number={result.number} run={result.run} /> : null}
      </div>
    </section>
  );
}

function DryRunResult({ number, run }: { number: number; run: DryRun }) {
  const { t } = useTranslation();
  const label = useValueLabel();
  const verdict = run.wouldFire ? 'wouldFire' : run.conditionsMatched && !run.enabled ? 'disabledRule' : 'wouldNotFire';
  const changes = Object.entries(run.preview.changes) as [ConditionField, { from: unknown; to: unknown }][];
  const skipped = run.preview.actions.filter((a) => a.skipped);
  return (
    <div className="rule-test__result" role="region" aria-label={t('automation.test.result', { number })}>
      <h3 className="rule-test__heading">{t('automation.test.result', { number })}</h3>
      <p className={`alert ${run.wouldFire ? 'alert--info' : 'alert--warning'}`} role="status">
        {t(`automation.test.${verdict}`)}
      </p>
      {run.conditions.length === 0 ? (
        <p className="field__hint">{t('automation.test.noConditions')}</p>
      ) : (
        <ul className="rule-test__conditions">
          {run.conditions.map((c) => (
            <li key={c.index} className={c.matched ? 'rule-test__cond rule-test__cond--ok' : 'rule-test__cond rule-test__cond--no'} title={c.explanation}>
              {c.matched ? <CheckIcon size={16} /> : <CloseIcon size={16} />}
              <span className="rule-test__verdict">{t(c.matched ? 'automation.test.matched' : 'automation.test.notMatched')}</span>
              <span>
                <strong>
                  {t(`automation.editor.fields.${c.condition.field}`)} {t(`automation.editor.ops.${c.condition.op}`)} {label(c.condition.field, c.condition.value)}
                </strong>{' '}
                <span className="muted">— {t('automation.test.actual', { value: label(c.condition.field, c.actual) })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h4 className="rule-test__subheading">{t('automation.test.changes')}</h4>
      {changes.length === 0 ? (
        <p className="field__hint">{t('automation.test.noChanges')}</p>
      ) : (
        <ul className="rule-test__changes">
          {changes.map(([field, change]) => (
            <li key={field}>{t('automation.test.change', { field: t(`automation.editor.fields.${field}`), from: label(field, change.from), to: label(field, change.to) })}</li>
          ))}
        </ul>
      )}
      {run.preview.sideEffects.length > 0 || skipped.length > 0 ? (
        <>
          <h4 className="rule-test__subheading">{t('automation.test.sideEffects')}</h4>
          <ul className="rule-test__changes">
            {run.preview.sideEffects.map((s, i) => (
              <li key={`s${i}`}>{t(`automation.editor.actionTypes.${s.type}`)}</li>
            ))}
            {skipped.map((a, i) => (
              <li key={`k${i}`}>{t('automation.test.skipped', { action: t(`automation.editor.actionTypes.${a.action.type}`), reason: a.skipped ?? '' })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
