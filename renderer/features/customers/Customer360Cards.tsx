import { useTranslation } from 'react-i18next';
import { ticketHref } from '../../app/hash-route';
import { ChannelLabel } from '../../components/ChannelLabel';
import { CartIcon, StarIcon } from '../../components/icons/UiIcons';
import { PriorityBadge } from '../../components/PriorityBadge';
import { SlaBadge } from '../../components/SlaBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';

type View = RouterOutputs['customers']['view360'];

/** Open tickets, most urgent SLA first, each with its countdown. */
export function OpenTicketsCard({ tickets, now, language }: { tickets: View['openTickets']; now: number; language: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="open-tickets-title">
      <header className="panel__header">
        <h2 id="open-tickets-title" className="panel__title">
          {t('workspace.customer.openTickets')}
        </h2>
        <span className="count-pill">{formatNumber(tickets.length, language)}</span>
      </header>
      {tickets.length === 0 ? (
        <p className="panel__empty">{t('workspace.customer.noOpenTickets')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('workspace.customer.openTickets')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('queue.columns.number')}</th>
              <th scope="col">{t('queue.columns.subject')}</th>
              <th scope="col">{t('queue.columns.channel')}</th>
              <th scope="col">{t('queue.columns.status')}</th>
              <th scope="col">{t('queue.columns.priority')}</th>
              <th scope="col">{t('queue.columns.sla')}</th>
            </tr>
          </thead>
          <tbody>
            {tickets.map((x) => (
              <tr key={x.id}>
                <td className="mono muted">
                  <a href={ticketHref(x.id)}>#{x.number}</a>
                </td>
                <td className="data-table__grow">
                  <a href={ticketHref(x.id)} className="data-table__link">
                    {x.subject}
                  </a>
                </td>
                <td>
                  <ChannelLabel channel={x.channel} />
                </td>
                <td>
                  <StatusBadge status={x.status} />
                </td>
                <td>
                  <PriorityBadge priority={x.priority} />
                </td>
                <td>
                  <SlaBadge sla={{ dueAt: x.slaDueAt, startedAt: x.createdAt, paused: x.slaPaused }} now={now} language={language} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** CSAT (1–5) and NPS (0–10) answers and surveys still waiting, newest first. */
export function SurveysCard({ surveys, csatAverage, csatAnswers, language }: { surveys: View['surveys']; csatAverage: number | null; csatAnswers: number; language: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="surveys-title">
      <header className="panel__header">
        <h2 id="surveys-title" className="panel__title">
          {t('workspace.customer.surveys')}
        </h2>
        {csatAverage !== null ? (
          <span className="score-pill" title={t('workspace.customer.csatAverageTitle', { count: csatAnswers })}>
            <StarIcon size={14} />
            {t('workspace.customer.csatAverage', { value: formatNumber(csatAverage, language) })}
          </span>
        ) : null}
      </header>
      {surveys.length === 0 ? (
        <p className="panel__empty">{t('workspace.customer.noSurveys')}</p>
      ) : (
        <ul className="surveys">
          {surveys.slice(0, 12).map((s) => {
            const max = s.kind === 'csat' ? 5 : 10;
            const tone = s.score === null ? 'none' : s.kind === 'csat' ? (s.score >= 4 ? 'good' : s.score === 3 ? 'mid' : 'bad') : s.score >= 9 ? 'good' : s.score >= 7 ? 'mid' : 'bad';
            return (
              <li key={s.id} className="survey">
                <span className={`survey__kind survey__kind--${s.kind}`}>{t(`workspace.customer.surveyKind.${s.kind}`)}</span>
                <span className={`survey__score survey__score--${tone}`}>
                  {s.score === null ? t('workspace.customer.noAnswer') : t('workspace.customer.score', { score: s.score, max })}
                </span>
                <span className="survey__date">{formatDate(s.answeredAt ?? s.sentAt, language)}</span>
                {s.comment ? <p className="survey__comment">{s.comment}</p> : null}
                {s.ticketId ? (
                  <a className="survey__ticket" href={ticketHref(s.ticketId)}>
                    {t('workspace.customer.viewTicket')}
                  </a>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Orders from the company's systems; money in the UI language ("R$ 1.234,56"). */
export function OrdersCard({ orders, language }: { orders: View['orders']; language: string }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="orders-title">
      <header className="panel__header">
        <h2 id="orders-title" className="panel__title">
          <CartIcon size={16} />
          {t('workspace.customer.orders')}
        </h2>
        <span className="count-pill">{formatNumber(orders.length, language)}</span>
      </header>
      {orders.length === 0 ? (
        <p className="panel__empty">{t('workspace.customer.noOrders')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('workspace.customer.orders')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('workspace.customer.orderColumns.number')}</th>
              <th scope="col">{t('workspace.customer.orderColumns.date')}</th>
              <th scope="col">{t('workspace.customer.orderColumns.items')}</th>
              <th scope="col">{t('workspace.customer.orderColumns.status')}</th>
              <th scope="col" className="num">
                {t('workspace.customer.orderColumns.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.id}>
                <td className="mono">{o.externalId}</td>
                <td title={formatDateTime(o.placedAt, language)}>{formatDate(o.placedAt, language)}</td>
                <td className="data-table__grow">
                  {o.items.length === 0 ? '—' : o.items.map((i) => (i.quantity > 1 ? `${i.quantity}× ${i.name}` : i.name)).join(', ')}
                </td>
                <td>{o.status}</td>
                <td className="num">{formatMoney(o.total, o.currency, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
