import { useEffect, useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhoneBr } from '../../../shared/br/phone';
import { ChannelIcon } from '../../components/icons/ChannelIcon';
import { EscalateIcon, NoteIcon, RefreshIcon, UserIcon } from '../../components/icons/UiIcons';
import { SanitizedHtml } from '../../components/SanitizedHtml';
import { formatDateTime, formatTime } from '../../lib/format';
import { formatClock } from '../../lib/sla';
import type { TimelineEntry } from './useTicket';

export interface TimelineNames {
  user(id: string | null): string;
  team(id: string | null): string;
  /** The author's display name when known (the server records new entries under the username). */
  author(entry: Pick<TimelineEntry, 'authorId' | 'authorName'>): string;
}

/**
 * The conversation, oldest first: customer messages, agent replies, internal notes (amber, never
 * sent to the customer), calls with their times, and what changed (status, assignment,
 * escalation with its reason). Scrolls to the newest entry when one arrives.
 */
export function Timeline({ entries, language, names }: { entries: TimelineEntry[]; language: string; names: TimelineNames }) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const nearBottom = useRef(true);
  const count = entries.length;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && nearBottom.current) el.scrollTop = el.scrollHeight;
  }, [count]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      nearBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, []);

  return (
    // A focusable scroll area, so the history can be read with the keyboard.
    <div className="timeline" ref={scrollRef} tabIndex={0} role="region" aria-label={t('workspace.timeline.label')}>
      {entries.length === 0 ? <p className="timeline__empty">{t('workspace.timeline.empty')}</p> : null}
      <ol className="timeline__list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <TimelineItem entry={entry} language={language} names={names} />
          </li>
        ))}
      </ol>
    </div>
  );
}

function TimelineItem({ entry, language, names }: { entry: TimelineEntry; language: string; names: TimelineNames }) {
  const { t } = useTranslation();
  const when = (
    <time className="tl-item__time" dateTime={entry.createdAt} title={formatDateTime(entry.createdAt, language)}>
      {formatDateTime(entry.createdAt, language)}
    </time>
  );

  if (entry.kind === 'event') return <TimelineEvent entry={entry} language={language} names={names} />;

  if (entry.kind === 'call' && entry.call) {
    const call = entry.call;
    const talk = call.answeredAt && call.endedAt ? Math.max(0, (Date.parse(call.endedAt) - Date.parse(call.answeredAt)) / 1000 - call.holdSeconds) : null;
    const abandoned = Boolean(call.abandonedAt) && !call.answeredAt;
    const title = abandoned ? t('workspace.timeline.callAbandoned') : entry.direction === 'outbound' ? t('workspace.timeline.callOutbound') : t('workspace.timeline.callInbound');
    const time = (iso: string | null) => (iso ? formatTime(iso, language) : '—');
    return (
      <article className={`tl-item tl-item--call${abandoned ? ' tl-item--abandoned' : ''}`} aria-label={title}>
        <header className="tl-item__header">
          <span className="tl-item__icon">
            <ChannelIcon channel="phone" size={16} />
          </span>
          <span className="tl-item__author">{title}</span>
          <span className="tl-item__meta">{names.author(entry)}</span>
          {when}
        </header>
        <dl className="call-facts">
          {call.queue ? <Fact label={t('workspace.timeline.call.queue')} value={call.queue} /> : null}
          {call.ani ? <Fact label={t('workspace.timeline.call.from')} value={formatPhoneBr(call.ani)} /> : null}
          <Fact label={t('workspace.timeline.call.queuedAt')} value={time(call.queuedAt)} />
          <Fact label={t('workspace.timeline.call.answeredAt')} value={time(call.answeredAt)} />
          <Fact label={abandoned ? t('workspace.timeline.call.abandonedAt') : t('workspace.timeline.call.endedAt')} value={time(abandoned ? call.abandonedAt : call.endedAt)} />
          <Fact label={t('workspace.timeline.call.talk')} value={talk === null ? '—' : formatClock(talk)} />
          <Fact label={t('workspace.timeline.call.hold')} value={formatClock(call.holdSeconds)} />
          <Fact label={t('workspace.timeline.call.wrapUp')} value={call.wrapUp ? formatClock(call.wrapUp.seconds) : '—'} />
          {call.wrapUp?.disposition ? <Fact label={t('workspace.timeline.call.disposition')} value={call.wrapUp.disposition} /> : null}
        </dl>
        {call.wrapUp?.notes ? <p className="tl-item__body tl-item__body--small">{call.wrapUp.notes}</p> : null}
        {entry.body ? <p className="tl-item__body">{entry.body}</p> : null}
      </article>
    );
  }

  const note = entry.kind === 'note';
  const inbound = entry.direction === 'inbound';
  const variant = note ? 'note' : inbound ? 'inbound' : 'outbound';
  const label = note ? t('workspace.timeline.internalNote') : inbound ? t('workspace.timeline.customer') : t('workspace.timeline.reply');
  const author = names.author(entry);
  return (
    <article className={`tl-item tl-item--${variant}`} aria-label={`${label} — ${author}`}>
      <header className="tl-item__header">
        <span className="tl-item__icon">{note ? <NoteIcon size={16} /> : inbound ? <ChannelIcon channel={entry.channel} size={16} /> : <UserIcon size={16} />}</span>
        <span className="tl-item__author">{author}</span>
        <span className={`tl-label tl-label--${variant}`}>{label}</span>
        {inbound ? <span className="tl-item__meta">{t(`channel.${entry.channel}`)}</span> : null}
        {when}
      </header>
      {entry.bodyFormat === 'html' ? (
        <div className="tl-item__body">
          <SanitizedHtml html={entry.body} />
        </div>
      ) : (
        <p className="tl-item__body">{entry.body}</p>
      )}
      {entry.attachments.length > 0 ? (
        <ul className="tl-item__attachments" aria-label={t('workspace.timeline.attachments')}>
          {entry.attachments.map((a) => (
            <li key={`${a.name}-${a.size}`} className="attachment">
              {a.name}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="call-facts__item">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function TimelineEvent({ entry, language, names }: { entry: TimelineEntry; language: string; names: TimelineNames }) {
  const { t } = useTranslation();
  const event = entry.event;
  const actor = names.author(entry);
  const status = (s: string | null) => (s && isStatus(s) ? t(`status.${s}`) : (s ?? '—'));
  const priority = (p: string | null) => (p && isPriority(p) ? t(`priority.${p}`) : (p ?? '—'));
  let text: string;
  switch (event?.type) {
    case 'status':
      text = t('workspace.timeline.events.status', { actor, from: status(event.from), to: status(event.to) });
      break;
    case 'priority':
      text = t('workspace.timeline.events.priority', { actor, from: priority(event.from), to: priority(event.to) });
      break;
    case 'assigneeId':
      text =
        event.to === null
          ? t('workspace.timeline.events.unassigned', { actor })
          : event.to === entry.authorId
            ? t('workspace.timeline.events.took', { actor })
            : t('workspace.timeline.events.assigned', { actor, name: names.user(event.to) });
      break;
    case 'teamId':
      text = t('workspace.timeline.events.team', { actor, team: names.team(event.to) });
      break;
    case 'escalated':
      text = t('workspace.timeline.events.escalated', { actor, team: names.team(event.to) });
      break;
    default:
      text = t('workspace.timeline.events.other', { actor, type: event?.type ?? '—' });
  }
  const escalated = event?.type === 'escalated';
  const macro = /^macro: (.+)$/.exec(entry.body)?.[1];
  return (
    <div className={`tl-event${escalated ? ' tl-event--escalated' : ''}`}>
      <span className="tl-event__icon" aria-hidden="true">
        {escalated ? <EscalateIcon size={14} /> : <RefreshIcon size={14} />}
      </span>
      <div className="tl-event__text">
        <span>{text}</span>{' '}
        {escalated && entry.body ? (
          <p className="tl-event__reason">
            <strong>{t('workspace.timeline.events.reason')}</strong> {entry.body}
          </p>
        ) : macro ? (
          <span className="tl-event__detail">{t('workspace.timeline.events.viaMacro', { name: macro })}</span>
        ) : null}
      </div>
      <time className="tl-event__time" dateTime={entry.createdAt} title={formatDateTime(entry.createdAt, language)}>
        {formatDateTime(entry.createdAt, language)}
      </time>
    </div>
  );
}

const STATUSES = ['new', 'open', 'pending', 'on_hold', 'solved', 'closed'] as const;
const PRIORITY_NAMES = ['low', 'normal', 'high', 'urgent'] as const;
const isStatus = (s: string): s is (typeof STATUSES)[number] => (STATUSES as readonly string[]).includes(s);
const isPriority = (p: string): p is (typeof PRIORITY_NAMES)[number] => (PRIORITY_NAMES as readonly string[]).includes(p);
