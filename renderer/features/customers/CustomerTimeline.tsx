import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../shared/schemas/common';
import { ticketHref } from '../../app/hash-route';
import { ChannelIcon } from '../../components/icons/ChannelIcon';
import { formatDateTime } from '../../lib/format';
import { formatClock } from '../../lib/sla';
import type { RouterOutputs } from '../../lib/trpc';

type Entry = RouterOutputs['customers']['view360']['timeline'][number];

/**
 * Every interaction with the customer across channels, newest first: who, when, which ticket,
 * and the text (plain text from the server — e-mail HTML arrives already reduced to text).
 */
export function CustomerTimeline({ entries, language }: { entries: Entry[]; language: string }) {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<Channel | 'all'>('all');
  const present = CHANNELS.filter((c) => entries.some((e) => e.channel === c));
  const shown = channel === 'all' ? entries : entries.filter((e) => e.channel === channel);

  return (
    <section className="panel" aria-labelledby="customer-timeline-title">
      <header className="panel__header">
        <h2 id="customer-timeline-title" className="panel__title">
          {t('workspace.customer.timeline')}
        </h2>
        {present.length > 1 ? (
          <div className="segmented segmented--sm" role="group" aria-label={t('workspace.customer.timelineFilter')}>
            <button type="button" className="segmented__item" aria-pressed={channel === 'all'} onClick={() => setChannel('all')}>
              {t('workspace.customer.allChannels')}
            </button>
            {present.map((c) => (
              <button key={c} type="button" className="segmented__item" aria-pressed={channel === c} onClick={() => setChannel(c)} aria-label={t(`channel.${c}`)} title={t(`channel.${c}`)}>
                <ChannelIcon channel={c} size={14} />
              </button>
            ))}
          </div>
        ) : null}
      </header>
      {shown.length === 0 ? (
        <p className="panel__empty">{t('workspace.customer.noInteractions')}</p>
      ) : (
        <ol className="c-timeline">
          {shown.map((e) => {
            const variant = e.kind === 'note' ? 'note' : e.kind === 'call' ? 'call' : e.direction === 'inbound' ? 'inbound' : 'outbound';
            const talk = e.call?.answeredAt && e.call.endedAt ? Math.max(0, (Date.parse(e.call.endedAt) - Date.parse(e.call.answeredAt)) / 1000 - e.call.holdSeconds) : null;
            return (
              <li key={e.id} className={`c-entry c-entry--${variant}`}>
                <span className={`channel-dot channel-dot--${e.channel}`} title={t(`channel.${e.channel}`)}>
                  <ChannelIcon channel={e.channel} size={16} />
                  <span className="visually-hidden">{t(`channel.${e.channel}`)}</span>
                </span>
                <div className="c-entry__content">
                  <p className="c-entry__head">
                    <span className="c-entry__author">{e.authorName}</span>
                    <span className={`tl-label tl-label--${variant}`}>{t(`workspace.customer.kind.${variant}`)}</span>
                    {e.ticketId && e.ticketNumber !== null ? (
                      <a className="c-entry__ticket" href={ticketHref(e.ticketId)}>
                        {t('workspace.customer.ticketNumber', { number: e.ticketNumber })}
                      </a>
                    ) : null}
                    <time className="c-entry__time" dateTime={e.at}>
                      {formatDateTime(e.at, language)}
                    </time>
                  </p>
                  {e.kind === 'call' && e.call ? (
                    <p className="c-entry__body muted">
                      {e.call.answeredAt
                        ? t('workspace.customer.callSummary', { talk: formatClock(talk ?? 0), hold: formatClock(e.call.holdSeconds) })
                        : t(unansweredCallKey(e.call, e.direction))}
                    </p>
                  ) : null}
                  {e.body ? <p className="c-entry__body">{e.body}</p> : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * What an unanswered call was: abandoned in the queue, placed with click-to-dial (the softphone
 * dialed; the PBX reports no outcome), ended without an answer, or still ringing.
 */
function unansweredCallKey(call: { abandonedAt: string | null; endedAt: string | null }, direction: string): 'workspace.timeline.callAbandoned' | 'workspace.customer.callDialed' | 'workspace.customer.callUnanswered' | 'workspace.customer.callInProgress' {
  if (call.abandonedAt) return 'workspace.timeline.callAbandoned';
  if (direction === 'outbound' && !call.endedAt) return 'workspace.customer.callDialed';
  return call.endedAt ? 'workspace.customer.callUnanswered' : 'workspace.customer.callInProgress';
}
