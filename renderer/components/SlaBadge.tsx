import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { formatCountdown, slaState, type SlaInput } from '../lib/sla';
import { AlertIcon, ClockIcon, PauseIcon } from './icons/UiIcons';

/**
 * The SLA countdown: time left (or how late) in words and glyphs, coloured by the share of the
 * target used — grey/neutral, amber from 75 %, red once due; paused tickets say so.
 */
export function SlaBadge({
  sla,
  now,
  language,
  compact = false,
  showBar = false,
}: {
  sla: SlaInput;
  now: number;
  language: string;
  /** Table cells: just the time ("3 h 05 min", "−20 min"); the words go to screen readers. */
  compact?: boolean;
  showBar?: boolean;
}) {
  const { t } = useTranslation();
  const state = slaState(sla, now);
  if (state.tone === 'none' || state.remainingMs === null) return <span className="sla sla--none">{t('queue.noSla')}</span>;
  const date = sla.dueAt ? formatDateTime(sla.dueAt, language) : '';
  const countdown = formatCountdown(state.remainingMs);
  const breached = state.remainingMs <= 0;
  let text: string;
  let spoken: string;
  let title: string;
  if (state.tone === 'paused') {
    text = spoken = t('workspace.sla.paused');
    title = t('workspace.sla.pausedTitle', { date });
  } else if (breached) {
    spoken = t('workspace.sla.overdueBy', { time: countdown });
    text = compact ? `−${countdown}` : spoken;
    title = t('queue.slaOverdueSince', { date });
  } else {
    spoken = t('workspace.sla.left', { time: countdown });
    text = compact ? countdown : spoken;
    title = t('queue.slaDueAt', { date });
  }
  const percent = state.share === null ? null : Math.round(Math.min(1, state.share) * 100);
  return (
    <span className={`sla sla--${state.tone}`} title={title}>
      {state.tone === 'paused' ? <PauseIcon size={14} /> : breached ? <AlertIcon size={14} /> : <ClockIcon size={14} />}
      {text === spoken ? (
        <span className="sla__text">{text}</span>
      ) : (
        <>
          <span className="sla__text" aria-hidden="true">
            {text}
          </span>
          <span className="visually-hidden">{spoken}</span>
        </>
      )}
      {showBar && percent !== null ? (
        <span className="sla__bar" aria-hidden="true">
          <span style={{ width: `${percent}%` }} />
        </span>
      ) : null}
    </span>
  );
}
