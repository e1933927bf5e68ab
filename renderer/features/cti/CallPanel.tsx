import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from '../../components/icons/UiIcons';
import { formatClock } from '../../lib/sla';
import { useNow } from '../../lib/useNow';
import { callTimes, phaseSeconds, type CallRecord } from './call-state';
import { CallerCustomer } from './CallerCustomer';
import { formatCaller, ivrEntries } from './cti-format';
import { MinimizeIcon } from './CtiIcons';
import { CALL_CHIP_ID, CALL_PANEL_TITLE_ID, useCti } from './CtiProvider';
import { PhaseIcon } from './PhaseIcon';
import { WrapUpForm } from './WrapUpForm';

/**
 * The incoming-call panel: docked on the right over the current screen, never modal (the agent
 * keeps working behind it), minimized into the call bar. It shows who is calling before the
 * agent answers, follows the call, and turns into the wrap-up form when it ends.
 */
export function CallPanel() {
  const { t } = useTranslation();
  const cti = useCti();
  const call = cti.current;
  if (!call || !cti.panelOpen) return null;
  // Escape tucks the panel into the call bar and leaves the focus there (Alt+L brings it back).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    cti.hidePanel();
    requestAnimationFrame(() => document.getElementById(CALL_CHIP_ID)?.focus());
  };
  return (
    <section className={`call-panel call-panel--${call.phase}`} aria-labelledby={CALL_PANEL_TITLE_ID} aria-describedby="call-panel-caller" onKeyDown={onKeyDown}>
      <CallHeader call={call} onMinimize={cti.hidePanel} onDismiss={call.phase === 'missed' ? () => cti.dismiss(call.callId) : null} />
      {call.phase === 'missed' ? <p className="call-panel__notice">{t('cti.panel.missedBody')}</p> : null}
      {call.phase === 'wrapUp' ? <WrapUpForm key={call.callId} call={call} /> : <CallerCustomer call={call} />}
      {cti.otherWrapUps > 0 ? <p className="call-panel__more">{t('cti.panel.moreWrapUps', { count: cti.otherWrapUps })}</p> : null}
    </section>
  );
}

function CallHeader({ call, onMinimize, onDismiss }: { call: CallRecord; onMinimize: () => void; onDismiss: (() => void) | null }) {
  const { t } = useTranslation();
  const now = useNow(1_000);
  const times = callTimes(call, now);
  const caller = formatCaller(call.ani);
  const pop = call.pop;
  const ivr = ivrEntries(pop?.ivr);
  const dialed = pop?.dnis ? formatCaller(pop.dnis) : null;
  const showTimer = call.phase !== 'missed';
  return (
    <header className="call-panel__header">
      <div className="call-panel__status">
        <span className="call-panel__icon" aria-hidden="true">
          <PhaseIcon phase={call.phase} size={18} />
        </span>
        <h2 id={CALL_PANEL_TITLE_ID} className="call-panel__phase" tabIndex={-1}>
          {t(`cti.phase.${call.phase}`)}
        </h2>
        {showTimer ? (
          <span className="call-panel__timer" role="timer" aria-label={t('cti.panel.timer')}>
            {formatClock(phaseSeconds(call, now))}
          </span>
        ) : null}
        <button type="button" className="icon-button call-panel__action" aria-label={t('cti.panel.minimize')} title={t('cti.panel.minimize')} onClick={onMinimize}>
          <MinimizeIcon size={18} />
        </button>
        {onDismiss ? (
          <button type="button" className="icon-button call-panel__action" aria-label={t('cti.panel.dismiss')} title={t('cti.panel.dismiss')} onClick={onDismiss}>
            <CloseIcon size={18} />
          </button>
        ) : null}
      </div>
      <p id="call-panel-caller" className={`call-panel__caller${caller ? '' : ' call-panel__caller--unknown'}`}>
        {caller ?? t('cti.caller.unknown')}
      </p>
      {call.phase !== 'wrapUp' && (call.queue || dialed || ivr.length > 0) ? (
        <dl className="call-panel__meta">
          {call.queue ? <Meta label={t('cti.caller.queue')} value={call.queue} /> : null}
          {dialed ? <Meta label={t('cti.caller.dialed')} value={dialed} /> : null}
          {ivr.map((e) => (
            <Meta key={e.name} label={e.label ? t(`cti.ivr.${e.label}`) : e.name} value={e.value} ivr />
          ))}
        </dl>
      ) : null}
      {call.answeredAt && (call.phase === 'talking' || call.phase === 'held' || call.phase === 'wrapUp') ? (
        <p className="call-panel__times">
          <span>
            {t('cti.panel.talk')} <strong className="mono">{formatClock(times.talk)}</strong>
          </span>
          <span>
            {t('cti.panel.hold')} <strong className="mono">{formatClock(times.hold)}</strong>
          </span>
        </p>
      ) : null}
    </header>
  );
}

/** One fact under the number; IVR answers are marked as such (the caller typed them). */
function Meta({ label, value, ivr = false }: { label: string; value: string; ivr?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={`call-panel__meta-item${ivr ? ' call-panel__meta-item--ivr' : ''}`}>
      <dt>
        {ivr ? (
          <abbr className="call-panel__ivr-tag" title={t('cti.ivr.title')}>
            {t('cti.ivr.short')}
          </abbr>
        ) : null}
        {label}
      </dt>
      <dd className={ivr ? 'mono' : undefined}>{value}</dd>
    </div>
  );
}
