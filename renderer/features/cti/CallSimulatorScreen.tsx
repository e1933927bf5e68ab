import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneBr } from '../../../shared/br/phone';
import { Field } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { formatTime } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLanguage } from '../../lib/useLanguage';
import { initials } from './cti-format';
import { PhaseIcon } from './PhaseIcon';
import { allowedActions, newSimCallId, phaseAfter, SIM_ACTIONS, simulatedEvent, validateSimSetup, type SimAction, type SimErrors, type SimField, type SimPhase, type SimSetup } from './simulator';

interface LogEntry {
  id: number;
  at: string;
  action: SimAction;
  callId: string;
  extension: string;
  /** null: accepted; otherwise the translated refusal. */
  error: string | null;
}

const QUEUES = ['atendimento', 'suporte', 'financeiro', 'vendas'] as const;
const LOG_LIMIT = 50;

/**
 * The call simulator (supervisors and trainers): one simulated call at a time, driven button by
 * button through `cti.simulate` — the same path a PBX's events take, so the agent on the chosen
 * extension gets the real screen pop, call bar and wrap-up.
 */
export function CallSimulatorScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [language] = useLanguage();
  useDocumentTitle(t('cti.simulator.title'));
  const users = useQuery(trpc.users.list.queryOptions());
  const agents = (users.data ?? []).filter((u) => u.active && u.extension).sort((a, b) => (a.extension ?? '').localeCompare(b.extension ?? ''));
  const [setup, setSetup] = useState<SimSetup>({ extension: '', caller: '', queue: 'atendimento', dnis: '08007001234', ivrCpf: '' });
  const [errors, setErrors] = useState<SimErrors>({});
  const [phase, setPhase] = useState<SimPhase>('idle');
  const [callId, setCallId] = useState<string | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [nextLogId, setNextLogId] = useState(1);
  const allowed = allowedActions(phase);
  const next = SIM_ACTIONS.find((a) => allowed.has(a));

  const simulate = useMutation(trpc.cti.simulate.mutationOptions());

  const send = (action: SimAction) => {
    const found = validateSimSetup(setup);
    setErrors(found);
    const first = (['extension', 'caller', 'ivrCpf'] as SimField[]).find((f) => found[f]);
    if (first) {
      document.getElementById(`sim-${first}`)?.focus();
      return;
    }
    // Ringing after the end starts a new call.
    const id = action === 'ringing' && (phase === 'idle' || phase === 'ended' || !callId) ? newSimCallId(Date.now()) : (callId ?? newSimCallId(Date.now()));
    const at = new Date().toISOString();
    const entry = { id: nextLogId, at, action, callId: id, extension: setup.extension };
    setNextLogId((n) => n + 1);
    simulate.mutate(simulatedEvent(id, action, setup, at), {
      onSuccess: () => {
        setCallId(id);
        setPhase((p) => phaseAfter(action === 'ringing' ? 'idle' : p, action));
        setLog((l) => [{ ...entry, error: null }, ...l].slice(0, LOG_LIMIT));
      },
      onError: (err) => setLog((l) => [{ ...entry, error: t(errorMessageKey(err)) }, ...l].slice(0, LOG_LIMIT)),
    });
  };

  const reset = () => {
    setPhase('idle');
    setCallId(null);
  };
  const set = (key: keyof SimSetup) => (value: string) => setSetup((s) => ({ ...s, [key]: value }));
  const error = (field: SimField) => (errors[field] ? t(`cti.simulator.errors.${errors[field]}`) : null);
  const statusPhase = phase === 'talking' ? 'talking' : phase === 'held' ? 'held' : phase === 'ringing' ? 'ringing' : null;

  return (
    <section className="screen sim-screen" aria-labelledby="screen-title">
      <ScreenHeader title={t('cti.simulator.title')} subtitle={t('cti.simulator.subtitle')} />
      <div className="sim-layout">
        <section className="panel" aria-labelledby="sim-setup-title">
          <header className="panel__header">
            <h2 id="sim-setup-title" className="panel__title">
              {t('cti.simulator.setup')}
            </h2>
          </header>
          <div className="panel__body sim-form">
            <Field id="sim-extension" label={t('cti.simulator.extension')} error={error('extension')}>
              {(props) => (
                <select {...props} className="select" value={setup.extension} onChange={(e) => set('extension')(e.target.value)} disabled={phase !== 'idle' && phase !== 'ended'}>
                  <option value="">{users.isPending ? t('app.loading') : t('cti.simulator.chooseExtension')}</option>
                  {agents.map((u) => (
                    <option key={u.id} value={u.extension ?? ''}>
                      {t('cti.simulator.extensionOption', { extension: u.extension ?? '', name: u.displayName })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="sim-caller" label={t('cti.simulator.caller')} hint={t('cti.simulator.callerHint')} error={error('caller')}>
              {(props) => <input {...props} className="input" type="tel" value={setup.caller} onChange={(e) => set('caller')(e.target.value)} maxLength={40} autoComplete="off" />}
            </Field>
            <CustomerPicker onPick={(phone) => set('caller')(phone)} />
            <div className="sim-form__row">
              <Field id="sim-queue" label={t('cti.simulator.queue')}>
                {(props) => (
                  <>
                    <input {...props} className="input" list="sim-queues" value={setup.queue} onChange={(e) => set('queue')(e.target.value)} maxLength={80} />
                    <datalist id="sim-queues">
                      {QUEUES.map((q) => (
                        <option key={q} value={q} />
                      ))}
                    </datalist>
                  </>
                )}
              </Field>
              <Field id="sim-dnis" label={t('cti.simulator.dnis')}>
                {(props) => <input {...props} className="input" type="tel" value={setup.dnis} onChange={(e) => set('dnis')(e.target.value)} maxLength={40} />}
              </Field>
            </div>
            <Field id="sim-ivrCpf" label={t('cti.simulator.ivrCpf')} hint={t('cti.simulator.ivrCpfHint')} error={error('ivrCpf')}>
              {(props) => <input {...props} className="input mono" inputMode="numeric" placeholder="000.000.000-00" value={setup.ivrCpf} onChange={(e) => set('ivrCpf')(e.target.value)} maxLength={14} autoComplete="off" />}
            </Field>
          </div>
        </section>

        <div className="sim-side">
          <section className="panel" aria-labelledby="sim-controls-title">
            <header className="panel__header">
              <h2 id="sim-controls-title" className="panel__title">
                {t('cti.simulator.controls')}
              </h2>
              {callId ? <span className="pill pill--muted mono">{t('cti.simulator.callId', { id: callId })}</span> : null}
            </header>
            <div className="panel__body">
              <p className={`sim-status sim-status--${phase}`} role="status">
                <span className="sim-status__label">{t('cti.simulator.status')}</span>
                {statusPhase ? <PhaseIcon phase={statusPhase} size={16} /> : null}
                <strong>{t(`cti.simulator.state.${phase}`)}</strong>
              </p>
              <div className="sim-actions">
                {SIM_ACTIONS.map((action) => (
                  <button
                    key={action}
                    type="button"
                    // The likely next step stands out: ring, then answer, then hang up…
                    className={`button${action === next ? ' button--primary' : action === 'ended' || action === 'abandoned' ? ' button--danger-text' : ''}`}
                    disabled={!allowed.has(action) || simulate.isPending}
                    onClick={() => send(action)}
                  >
                    {t(`cti.simulator.actions.${action}`)}
                  </button>
                ))}
              </div>
              <button type="button" className="button button--ghost sim-new" onClick={reset} disabled={phase === 'idle' || simulate.isPending}>
                {t('cti.simulator.newCall')}
              </button>
            </div>
          </section>

          <section className="panel" aria-labelledby="sim-log-title">
            <header className="panel__header">
              <h2 id="sim-log-title" className="panel__title">
                {t('cti.simulator.log')}
              </h2>
              {simulate.isPending ? <Spinner size={14} /> : null}
            </header>
            {log.length === 0 ? (
              <p className="panel__empty">{t('cti.simulator.logEmpty')}</p>
            ) : (
              <table className="data-table sim-log">
                <caption className="visually-hidden">{t('cti.simulator.log')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cti.simulator.logColumns.time')}</th>
                    <th scope="col">{t('cti.simulator.logColumns.event')}</th>
                    <th scope="col">{t('cti.simulator.logColumns.extension')}</th>
                    <th scope="col">{t('cti.simulator.logColumns.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {log.map((e) => (
                    <tr key={e.id} title={e.callId}>
                      <td className="mono">{formatTime(e.at, language)}</td>
                      <td>{t(`cti.simulator.actions.${e.action}`)}</td>
                      <td className="mono">{e.extension}</td>
                      <td className={e.error ? 'sim-log__error' : 'sim-log__ok'}>{e.error ?? t('cti.simulator.accepted')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      </div>
    </section>
  );
}

/** Fills the caller's number from a customer (demo floor), searched by name, phone or CPF. */
function CustomerPicker({ onPick }: { onPick: (phone: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim(), 250);
  const results = useQuery({ ...trpc.customers.search.queryOptions({ text: query, limit: 6 }), enabled: query.length >= 2 });
  const list = results.data ?? [];
  return (
    <div className="sim-picker">
      <Field id="sim-pick" label={t('cti.simulator.pickCustomer')}>
        {(props) => <input {...props} className="input" type="search" placeholder={t('cti.simulator.pickPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />}
      </Field>
      {query.length >= 2 && results.isSuccess ? (
        list.length === 0 ? (
          <p className="muted sim-picker__empty">{t('cti.simulator.noResults')}</p>
        ) : (
          <ul className="sim-picker__list" aria-label={t('cti.simulator.results')}>
            {list.map((c) => {
              const phone = c.phones[0];
              return (
                <li key={c.id}>
                  <button
                    type="button"
                    className="call-choice call-choice--compact"
                    disabled={!phone}
                    onClick={() => {
                      if (!phone) return;
                      onPick(formatPhoneBr(phone));
                      setText('');
                    }}
                  >
                    <span className="avatar" aria-hidden="true">
                      {initials(c.name)}
                    </span>
                    <span className="call-choice__main">
                      <span className="call-choice__name">{c.name}</span>
                      <span className="call-choice__meta">{phone ? formatPhoneBr(phone) : t('cti.simulator.noPhone')}</span>
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </div>
  );
}
