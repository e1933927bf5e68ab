import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customerHref, ticketHref } from '../../app/hash-route';
import { ExternalLinkIcon } from '../../components/icons/UiIcons';
import { StatusBadge } from '../../components/StatusBadge';
import { formatNumber } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { PhoneLink } from '../cti/PhoneLink';
import type { TicketDetail } from './useTicket';

/** Who the ticket is from, at a glance: masked CPF, contacts, other open tickets; the 360° is one click away. */
export function CustomerSummary({ detail, language }: { detail: TicketDetail; language: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const customer = detail.customer;
  const view = useQuery({ ...trpc.customers.view360.queryOptions({ id: customer?.id ?? '' }), enabled: Boolean(customer) });
  if (!customer) return null;
  const others = (view.data?.openTickets ?? []).filter((x) => x.id !== detail.ticket.id);
  const stats = view.data?.stats;

  return (
    <section className="panel" aria-labelledby="ticket-customer-title">
      <header className="panel__header">
        <h2 id="ticket-customer-title" className="panel__title">
          {t('workspace.ticket.customer')}
        </h2>
        <a className="panel__link" href={customerHref(customer.id)}>
          {t('workspace.ticket.open360')}
          <ExternalLinkIcon size={14} />
        </a>
      </header>
      <div className="panel__body">
        <p className="summary__name">
          <a href={customerHref(customer.id)}>{customer.name}</a>
        </p>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('workspace.customer.cpf')}</dt>
            <dd className="mono">{customer.cpfMasked ?? t('workspace.customer.noCpf')}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('workspace.customer.phones')}</dt>
            <dd>{customer.phones.length > 0 ? customer.phones.map((p) => <span key={p} className="facts__line"><PhoneLink number={p} customerId={customer.id} /></span>) : t('workspace.customer.none')}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('workspace.customer.emails')}</dt>
            <dd>{customer.emails.length > 0 ? customer.emails.map((e) => <span key={e} className="facts__line facts__line--wrap">{e}</span>) : t('workspace.customer.none')}</dd>
          </div>
          {stats ? (
            <div className="facts__row">
              <dt>{t('workspace.customer.tickets')}</dt>
              <dd>{t('workspace.customer.ticketStats', { total: formatNumber(stats.tickets, language), open: formatNumber(stats.openTickets, language) })}</dd>
            </div>
          ) : null}
        </dl>
        {customer.tags.length > 0 ? (
          <ul className="tag-list" aria-label={t('workspace.customer.tags')}>
            {customer.tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
        <h3 className="panel__subtitle">{t('workspace.ticket.otherOpen')}</h3>
        {others.length === 0 ? (
          <p className="muted">{view.isPending ? t('app.loading') : t('workspace.ticket.noOtherOpen')}</p>
        ) : (
          <ul className="mini-tickets">
            {others.slice(0, 5).map((x) => (
              <li key={x.id}>
                <a href={ticketHref(x.id)} className="mini-ticket">
                  <span className="mini-ticket__number">#{x.number}</span>
                  <span className="mini-ticket__subject">{x.subject}</span>
                  <StatusBadge status={x.status} />
                </a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
