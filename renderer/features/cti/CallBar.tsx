import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/hash-route';
import { formatClock } from '../../lib/sla';
import { useTRPC } from '../../lib/trpc';
import { useNow } from '../../lib/useNow';
import { useSession } from '../auth/useSession';
import { phaseSeconds, type CallRecord } from './call-state';
import { formatCaller } from './cti-format';
import { BellIcon, BellOffIcon, PhoneIcon, SimulatorIcon } from './CtiIcons';
import { CALL_CHIP_ID, useCti, type CtiLinkStatus } from './CtiProvider';
import { PhaseIcon } from './PhaseIcon';

/**
 * The telephony corner of the top bar: the call in progress (phase, who, running time — a click
 * or Alt+L brings the panel back), or whether calls can reach this agent; the browser's call
 * alerts switch; the simulator for supervisors.
 */
export function CallBar() {
  const { t } = useTranslation();
  const cti = useCti();
  const { user } = useSession();
  const call = cti.current;
  return (
    <div className="call-bar" role="group" aria-label={t('cti.bar.label')}>
      {call ? <CallChip call={call} /> : user.extension ? <LinkStatus status={cti.status} extension={user.extension} /> : null}
      {cti.webMode && user.extension && !call ? <NotificationSwitch /> : null}
      {user.role !== 'agent' ? (
        <a className="icon-button" href={hrefFor('simulator')} aria-label={t('cti.bar.simulator')} title={t('cti.bar.simulator')}>
          <SimulatorIcon size={18} />
        </a>
      ) : null}
    </div>
  );
}

function CallChip({ call }: { call: CallRecord }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const cti = useCti();
  const now = useNow(1_000);
  const fromPop = call.pop?.view && call.pop.view.customer.id === call.customerId ? call.pop.view.customer.name : null;
  const view = useQuery({ ...trpc.customers.view360.queryOptions({ id: call.customerId ?? '' }), enabled: call.customerId !== null && fromPop === null });
  const who = fromPop ?? view.data?.customer.name ?? formatCaller(call.ani) ?? t('cti.caller.unknown');
  return (
    <button
      id={CALL_CHIP_ID}
      type="button"
      className={`call-chip call-chip--${call.phase}${cti.panelOpen ? ' call-chip--open' : ''}`}
      onClick={() => cti.showPanel(true)}
      aria-keyshortcuts="Alt+L"
      title={`${t(`cti.phase.${call.phase}`)} · ${t('cti.bar.show')}`}
    >
      <span className="call-chip__icon">
        <PhaseIcon phase={call.phase} size={16} />
      </span>
      {/* The colour and glyph show the phase; the words are for screen readers (the top bar is narrow). */}
      <span className="visually-hidden">{t(`cti.phase.${call.phase}`)}</span>
      <span className="call-chip__who">{who}</span>
      {call.phase !== 'missed' ? <span className="call-chip__timer">{formatClock(phaseSeconds(call, now))}</span> : null}
    </button>
  );
}

function LinkStatus({ status, extension }: { status: CtiLinkStatus; extension: string }) {
  const { t } = useTranslation();
  const text = status === 'ready' ? t('cti.bar.ready') : status === 'error' ? t('cti.bar.error') : t('cti.bar.connecting');
  const title = status === 'ready' ? t('cti.bar.readyTitle', { extension }) : status === 'error' ? t('cti.bar.errorTitle') : t('cti.bar.connectingTitle');
  return (
    <span className={`cti-link cti-link--${status}`} title={title} role="status">
      <PhoneIcon size={15} />
      <span className="cti-link__dot" aria-hidden="true" />
      {text}
    </span>
  );
}

/** Browser only: ask for the permission from this click, never on load. */
function NotificationSwitch() {
  const { t } = useTranslation();
  const { notifications } = useCti();
  if (notifications.permission === 'unsupported' || notifications.permission === 'granted') return null;
  if (notifications.permission === 'denied') {
    return (
      <span className="icon-button icon-button--static" title={t('cti.notifications.denied')}>
        <BellOffIcon size={18} />
        <span className="visually-hidden">{t('cti.notifications.denied')}</span>
      </span>
    );
  }
  return (
    <button type="button" className="icon-button" aria-label={t('cti.notifications.enable')} title={t('cti.notifications.enableTitle')} onClick={notifications.request}>
      <BellIcon size={18} />
    </button>
  );
}
