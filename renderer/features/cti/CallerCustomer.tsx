import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customerHref, ticketHref } from '../../app/hash-route';
import { EmptyState } from '../../components/EmptyState';
import { ChannelIcon } from '../../components/icons/ChannelIcon';
import { AlertIcon, ExternalLinkIcon, StarIcon } from '../../components/icons/UiIcons';
import { SlaBadge } from '../../components/SlaBadge';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { formatDate, formatNumber, formatRelative } from '../../lib/format';
import { formatClock } from '../../lib/sla';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useLanguage } from '../../lib/useLanguage';
import { useNow } from '../../lib/useNow';
import type { CallRecord } from './call-state';
import { initials } from './cti-format';
import { useCti } from './CtiProvider';
import { CustomerChooser } from './CustomerChooser';
import { QuickCreateCustomer } from './QuickCreateCustomer';

type View = RouterOutputs['customers']['view360'];
type Entry = View['timeline'][number];

const OPEN_TICKETS_SHOWN = 3;
const RECENT_SHOWN = 3;

/**
 * Who is calling: one match → their 360° essentials; several → a chooser; none → a quick-create
 * form with the number filled in. Body and footer of the call panel.
 */
export function CallerCustomer({ call }: { call: CallRecord }) {
  const cti = useCti();
  const matches = call.pop?.matches ?? [];
  if (call.customerId) {
    const initial = call.pop?.view && call.pop.view.customer.id === call.customerId ? call.pop.view : undefined;
    return (
      <CustomerEssentials
        customerId={call.customerId}
        initial={initial}
        matchedBy={call.customerSource === 'server' ? (call.pop?.matchedBy ?? null) : call.customerSource}
        onChange={matches.length > 1 && call.customerSource === 'chosen' ? () => cti.choose(call.callId, null) : null}
        onOpen360={cti.hidePanel}
      />
    );
  }
  if (matches.length > 1) return <CustomerChooser matches={matches} onChoose={(id) => cti.choose(call.callId, id, 'chosen')} />;
  return <QuickCreateCustomer key={call.callId} call={call} onCreated={(id) => cti.choose(call.callId, id, 'created')} />;
}

function CustomerEssentials({
  customerId,
  initial,
  matchedBy,
  onChange,
  onOpen360,
}: {
  customerId: string;
  initial: View | undefined;
  matchedBy: 'phone' | 'cpf' | 'chosen' | 'created' | null;
  onChange: (() => void) | null;
  onOpen360: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [language] = useLanguage();
  const now = useNow(30_000);
  const view = useQuery({ ...trpc.customers.view360.queryOptions({ id: customerId }), ...(initial ? { initialData: initial } : {}) });
  const data = view.data;

  const footer = (
    <footer className="call-panel__footer">
      {onChange ? (
        <button type="button" className="button button--ghost" onClick={onChange}>
          {t('cti.chooser.change')}
        </button>
      ) : null}
      <span className="spacer" />
      <a className="button button--primary" href={customerHref(customerId)} title={t('cti.panel.open360Title')} onClick={onOpen360}>
        <ExternalLinkIcon size={16} />
        {t('cti.panel.open360')}
      </a>
    </footer>
  );

  if (!data) {
    return (
      <>
        <div className="call-panel__body">
          {view.isError ? (
            <EmptyState tone="danger" role="alert" icon={<AlertIcon size={24} />} title={t('cti.panel.loadError')} body={t(errorMessageKey(view.error))} />
          ) : (
            <EmptyState role="status" icon={<Spinner size={24} />} title={t('cti.panel.loading')} />
          )}
        </div>
        {footer}
      </>
    );
  }

  const { customer, stats, lastContact } = data;
  const open = data.openTickets;
  const recent = data.timeline.slice(0, RECENT_SHOWN);
  return (
    <>
      <div className="call-panel__body">
        <div className="call-customer">
          <div className="call-customer__head">
            <span className="avatar avatar--lg" aria-hidden="true">
              {initials(customer.name)}
            </span>
            <div className="call-customer__id">
              <h3 className="call-customer__name">{customer.name}</h3>
              <p className="call-customer__sub">
                <span className="mono">{customer.cpfMasked ? `${t('cti.customer.cpf')} ${customer.cpfMasked}` : t('cti.customer.noCpf')}</span>
              </p>
              {matchedBy ? <span className={`call-match call-match--${matchedBy}`}>{t(`cti.matchedBy.${matchedBy}`)}</span> : null}
            </div>
          </div>
          {customer.tags.length > 0 ? (
            <ul className="tag-list" aria-label={t('workspace.customer.tags')}>
              {customer.tags.slice(0, 6).map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          ) : null}

          <dl className="call-stats">
            <div className="call-stats__item">
              <dt>{t('cti.customer.openTickets')}</dt>
              <dd className={stats.openTickets > 0 ? 'call-stats__value call-stats__value--attention' : 'call-stats__value'}>{formatNumber(stats.openTickets, language)}</dd>
            </div>
            <div className="call-stats__item">
              <dt>{t('cti.customer.csat')}</dt>
              <dd className="call-stats__value">
                {stats.csatAverage !== null ? (
                  <>
                    <StarIcon size={14} />
                    {formatNumber(stats.csatAverage, language)}
                    <span className="call-stats__note">{t('cti.customer.csatAnswers', { count: stats.csatAnswers })}</span>
                  </>
                ) : (
                  <span className="call-stats__note">{t('cti.customer.noCsat')}</span>
                )}
              </dd>
            </div>
            <div className="call-stats__item">
              <dt>{t('cti.customer.lastContact')}</dt>
              <dd className="call-stats__value">
                {lastContact ? (
                  <>
                    <ChannelIcon channel={lastContact.channel} size={14} />
                    <span title={t(`channel.${lastContact.channel}`)}>{formatRelative(lastContact.at, now, language, t('time.now'))}</span>
                  </>
                ) : (
                  <span className="call-stats__note">{t('cti.customer.noContact')}</span>
                )}
              </dd>
            </div>
            <div className="call-stats__item">
              <dt>{t('cti.customer.since')}</dt>
              <dd className="call-stats__value">{stats.firstContactAt ? formatDate(stats.firstContactAt, language) : '—'}</dd>
            </div>
          </dl>

          <section className="call-section" aria-labelledby="call-open-tickets">
            <h4 id="call-open-tickets" className="call-section__title">
              {t('cti.customer.openTickets')}
            </h4>
            {open.length === 0 ? (
              <p className="muted">{t('cti.customer.noOpenTickets')}</p>
            ) : (
              <ul className="call-tickets">
                {open.slice(0, OPEN_TICKETS_SHOWN).map((x) => (
                  <li key={x.id}>
                    <a className="call-ticket" href={ticketHref(x.id)}>
                      <span className="call-ticket__number mono">#{x.number}</span>
                      <span className="call-ticket__subject">{x.subject}</span>
                      <SlaBadge sla={{ dueAt: x.slaDueAt, startedAt: x.createdAt, paused: x.slaPaused }} now={now} language={language} compact />
                    </a>
                  </li>
                ))}
              </ul>
            )}
            {open.length > OPEN_TICKETS_SHOWN ? (
              <a className="call-section__more" href={customerHref(customerId)} onClick={onOpen360}>
                {t('cti.customer.moreTickets', { count: open.length - OPEN_TICKETS_SHOWN })}
              </a>
            ) : null}
          </section>

          {recent.length > 0 ? (
            <section className="call-section" aria-labelledby="call-recent">
              <h4 id="call-recent" className="call-section__title">
                {t('cti.customer.recent')}
              </h4>
              <ol className="call-recent">
                {recent.map((e) => (
                  <RecentEntry key={e.id} entry={e} now={now} language={language} />
                ))}
              </ol>
            </section>
          ) : null}
        </div>
      </div>
      {footer}
    </>
  );
}

function RecentEntry({ entry, now, language }: { entry: Entry; now: number; language: string }) {
  const { t } = useTranslation();
  const kind = entry.kind === 'note' ? 'note' : entry.kind === 'call' ? 'call' : entry.direction === 'inbound' ? 'inbound' : 'outbound';
  const talk = entry.call?.answeredAt && entry.call.endedAt ? Math.max(0, (Date.parse(entry.call.endedAt) - Date.parse(entry.call.answeredAt)) / 1000 - entry.call.holdSeconds) : null;
  const text = entry.kind === 'call' && talk !== null && !entry.body ? t('cti.customer.callSummary', { talk: formatClock(talk) }) : entry.body;
  return (
    <li className="call-recent__item">
      <span className={`channel-dot channel-dot--${entry.channel}`} title={t(`channel.${entry.channel}`)}>
        <ChannelIcon channel={entry.channel} size={14} />
        <span className="visually-hidden">{t(`channel.${entry.channel}`)}</span>
      </span>
      <div className="call-recent__content">
        <p className="call-recent__head">
          <span className="call-recent__kind">{t(`cti.customer.kind.${kind}`)}</span>
          {entry.ticketNumber !== null && entry.ticketId ? (
            <a href={ticketHref(entry.ticketId)} className="call-recent__ticket">
              #{entry.ticketNumber}
            </a>
          ) : null}
          <time className="call-recent__time" dateTime={entry.at}>
            {formatRelative(entry.at, now, language, t('time.now'))}
          </time>
        </p>
        {text ? <p className="call-recent__body">{text}</p> : null}
      </div>
    </li>
  );
}
