import { useTranslation } from 'react-i18next';
import { formatDuration } from '../kpi-format';
import { secondsSince, type WallboardSnapshot } from './useWallboard';

/** How long a wait is against the TME target: fine, over it, or more than twice over. */
export function waitTone(seconds: number | null, target: number | undefined): 'ok' | 'warning' | 'danger' {
  if (seconds === null || target === undefined || seconds <= target) return 'ok';
  return seconds > 2 * target ? 'danger' : 'warning';
}

/** Calls waiting in the phone queue, the longest wait (ticking), and who is waiting. */
export function CallsPanel({ snapshot, nowMs }: { snapshot: WallboardSnapshot; nowMs: number }) {
  const { t } = useTranslation();
  const { calls, targets } = snapshot;
  const oldest = calls.list[0];
  const longest = oldest ? secondsSince(oldest.queuedAt, nowMs) : null;
  return (
    <section className="sv-panel" aria-labelledby="sv-calls-title">
      <h2 id="sv-calls-title" className="sv-panel__title">
        {t('supervisor.calls.title')}
      </h2>
      <div className="sv-figures">
        <div className={`sv-figure${calls.waiting > 0 ? ' sv-figure--info' : ''}`}>
          <span className="sv-figure__value" data-testid="calls-waiting">
            {calls.waiting}
          </span>
          <span className="sv-figure__label">{t('supervisor.calls.waiting')}</span>
        </div>
        <div className={`sv-figure sv-figure--${waitTone(longest, targets.tmeVoice)}`}>
          <span className="sv-figure__value" data-testid="longest-wait">
            {longest === null ? '—' : formatDuration(longest)}
          </span>
          <span className="sv-figure__label">{t('supervisor.calls.longestWait')}</span>
        </div>
      </div>
      {calls.list.length === 0 ? (
        <p className="sv-panel__empty">{t('supervisor.calls.none')}</p>
      ) : (
        <ul className="sv-list" aria-label={t('supervisor.calls.listLabel')}>
          {calls.list.map((c) => (
            <li key={c.callId} className="sv-list__row">
              <span className="sv-list__main">
                <span className="sv-list__primary">{c.queue ?? t('supervisor.calls.noQueue')}</span>
                <span className="sv-list__secondary">{c.aniTail ? t('supervisor.calls.caller', { digits: c.aniTail }) : t('supervisor.calls.unknownCaller')}</span>
              </span>
              {c.ringing ? <span className="sv-chip sv-chip--info">{t('supervisor.calls.ringing')}</span> : null}
              <span className={`sv-list__time sv-text--${waitTone(secondsSince(c.queuedAt, nowMs), targets.tmeVoice)}`}>{formatDuration(secondsSince(c.queuedAt, nowMs))}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
