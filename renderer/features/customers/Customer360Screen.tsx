import { useMutation, useQuery } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCpf } from '../../../shared/br/cpf';
import { hrefFor, ticketHref } from '../../app/hash-route';
import { ChannelIcon } from '../../components/icons/ChannelIcon';
import { AlertIcon, ArrowLeftIcon, EditIcon, EyeIcon, EyeOffIcon, MergeIcon, ShieldIcon } from '../../components/icons/UiIcons';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { formatDate, formatDateTime, formatNumber, formatRelative } from '../../lib/format';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLanguage } from '../../lib/useLanguage';
import { useNow } from '../../lib/useNow';
import { useSession } from '../auth/useSession';
import { PhoneLink } from '../cti/PhoneLink';
import { CustomerTimeline } from './CustomerTimeline';
import { EditCustomerDialog } from './EditCustomerDialog';
import { MergeCustomerDialog } from './MergeCustomerDialog';
import { OpenTicketsCard, OrdersCard, SurveysCard } from './Customer360Cards';

export type Customer360 = RouterOutputs['customers']['view360'];

/**
 * The customer 360°: what happened last, the profile (CPF masked; revealing it is audited), open
 * tickets with their SLA, one timeline across every channel, surveys and orders.
 */
export function Customer360Screen({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [language] = useLanguage();
  const { user } = useSession();
  const now = useNow(30_000);
  const view = useQuery(trpc.customers.view360.queryOptions({ id: customerId }));
  const [dialog, setDialog] = useState<'edit' | 'merge' | null>(null);
  const lead = user.role !== 'agent';
  const data = view.data;
  useDocumentTitle(data ? data.customer.name : null);

  // A ticket of this customer changing (a new message, a reply) refreshes the view.
  const ticketIds = new Set([...(data?.openTickets ?? []), ...(data?.recentTickets ?? [])].map((x) => x.id));
  useSubscription(
    trpc.tickets.onChange.subscriptionOptions(undefined, {
      enabled: Boolean(data),
      onData: (event) => {
        if (ticketIds.has(event.ticketId)) void view.refetch();
      },
    }),
  );

  const back = (
    <a className="back-link" href={hrefFor('customers')}>
      <ArrowLeftIcon size={16} />
      {t('workspace.customer.backToSearch')}
    </a>
  );

  if (view.isPending) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        {back}
        <EmptyState role="status" icon={<Spinner size={28} />} title={t('workspace.customer.loading')} />
      </section>
    );
  }
  if (view.isError || !data) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        {back}
        <h1 id="screen-title" className="visually-hidden" tabIndex={-1}>
          {t('workspace.customer.errorTitle')}
        </h1>
        <EmptyState tone="danger" role="alert" icon={<AlertIcon size={28} />} title={t('workspace.customer.errorTitle')} body={t(errorMessageKey(view.error))} />
      </section>
    );
  }

  const { customer, lastContact, stats } = data;
  const merged = customer.mergedInto;
  return (
    <section className="screen customer-screen" aria-labelledby="screen-title">
      <header className="customer-header">
        <div className="customer-header__main">
          {back}
          <div className="customer-header__title-row">
            <span className="avatar avatar--lg" aria-hidden="true">
              {initials(customer.name)}
            </span>
            <div>
              <h1 id="screen-title" className="customer-header__title" tabIndex={-1}>
                {customer.name}
              </h1>
              <p className="customer-header__meta">
                {t('workspace.customer.summaryLine', {
                  tickets: formatNumber(stats.tickets, language),
                  open: formatNumber(stats.openTickets, language),
                  interactions: formatNumber(stats.interactions, language),
                })}
                {stats.firstContactAt ? ` · ${t('workspace.customer.since', { date: formatDate(stats.firstContactAt, language) })}` : ''}
              </p>
            </div>
          </div>
        </div>
        <div className="customer-header__actions">
          <button type="button" className="button" onClick={() => setDialog('edit')} disabled={Boolean(merged)}>
            <EditIcon size={16} />
            {t('workspace.customer.edit')}
          </button>
          {lead ? (
            <button type="button" className="button" onClick={() => setDialog('merge')} disabled={Boolean(merged)}>
              <MergeIcon size={16} />
              {t('workspace.customer.merge')}
            </button>
          ) : null}
        </div>
      </header>

      {merged ? (
        <div className="alert alert--info ticket-banner" role="status">
          <MergeIcon size={18} />
          <span>
            {t('workspace.customer.mergedNotice')} <a href={hrefFor('customers', merged)}>{t('workspace.customer.openMerged')}</a>
          </span>
        </div>
      ) : null}

      <section className="last-contact" aria-labelledby="last-contact-title">
        <h2 id="last-contact-title" className="last-contact__label">
          {t('workspace.customer.lastContact')}
        </h2>
        {lastContact ? (
          <div className="last-contact__body">
            <span className={`channel-dot channel-dot--${lastContact.channel}`}>
              <ChannelIcon channel={lastContact.channel} size={18} />
            </span>
            <div className="last-contact__text">
              <p className="last-contact__headline">
                <strong>{formatRelative(lastContact.at, now, language, t('time.now'))}</strong>
                {' · '}
                {t(`channel.${lastContact.channel}`)}
                {' · '}
                {t(`workspace.customer.direction.${lastContact.kind === 'note' ? 'internal' : lastContact.kind === 'call' ? 'call' : lastContact.direction}`, { name: lastContact.authorName })}
                {lastContact.ticketId && lastContact.ticketNumber !== null ? (
                  <>
                    {' · '}
                    <a href={ticketHref(lastContact.ticketId)}>{t('workspace.customer.ticketNumber', { number: lastContact.ticketNumber })}</a>
                  </>
                ) : null}
              </p>
              {lastContact.body ? <p className="last-contact__excerpt">{lastContact.body}</p> : null}
            </div>
            <time className="last-contact__time" dateTime={lastContact.at}>
              {formatDateTime(lastContact.at, language)}
            </time>
          </div>
        ) : (
          <p className="muted">{t('workspace.customer.noContact')}</p>
        )}
      </section>

      <div className="customer-layout">
        <div className="customer-main">
          <OpenTicketsCard tickets={data.openTickets} now={now} language={language} />
          <CustomerTimeline entries={data.timeline} language={language} />
          <OrdersCard orders={data.orders} language={language} />
        </div>
        <aside className="customer-side" aria-label={t('workspace.customer.profile')}>
          <ProfileCard customer={customer} />
          <SurveysCard surveys={data.surveys} csatAverage={stats.csatAverage} csatAnswers={stats.csatAnswers} language={language} />
        </aside>
      </div>

      {dialog === 'edit' ? <EditCustomerDialog customer={customer} onClose={() => setDialog(null)} /> : null}
      {dialog === 'merge' ? <MergeCustomerDialog customer={customer} onClose={() => setDialog(null)} /> : null}
    </section>
  );
}

function ProfileCard({ customer }: { customer: Customer360['customer'] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [revealed, setRevealed] = useState<string | null>(null);
  const reveal = useMutation({ ...trpc.customers.revealCpf.mutationOptions(), onSuccess: (r) => setRevealed(r.cpf) });
  const consentKeys = ['marketing', 'surveys', 'recording'] as const;

  return (
    <section className="panel" aria-labelledby="profile-title">
      <header className="panel__header">
        <h2 id="profile-title" className="panel__title">
          {t('workspace.customer.profile')}
        </h2>
      </header>
      <div className="panel__body">
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('workspace.customer.cpf')}</dt>
            <dd>
              {customer.hasCpf ? (
                <span className="cpf">
                  <span className="mono" data-testid="cpf-value">
                    {revealed ? formatCpf(revealed) : customer.cpfMasked}
                  </span>
                  {revealed ? (
                    <button type="button" className="button button--ghost button--xs" onClick={() => setRevealed(null)}>
                      <EyeOffIcon size={14} />
                      {t('workspace.customer.hideCpf')}
                    </button>
                  ) : (
                    <button type="button" className="button button--ghost button--xs" onClick={() => reveal.mutate({ id: customer.id })} disabled={reveal.isPending} title={t('workspace.customer.revealAudited')}>
                      {reveal.isPending ? <Spinner size={12} /> : <EyeIcon size={14} />}
                      {t('workspace.customer.revealCpf')}
                    </button>
                  )}
                </span>
              ) : (
                t('workspace.customer.noCpf')
              )}
              {customer.hasCpf && !revealed ? (
                <span className="facts__hint">
                  <ShieldIcon size={12} />
                  {t('workspace.customer.revealAudited')}
                </span>
              ) : null}
              {reveal.isError ? <span className="field__error">{t(errorMessageKey(reveal.error))}</span> : null}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('workspace.customer.phones')}</dt>
            <dd>{customer.phones.length > 0 ? customer.phones.map((p) => <span key={p} className="facts__line"><PhoneLink number={p} customerId={customer.id} /></span>) : t('workspace.customer.none')}</dd>
          </div>
          <div className="facts__row">
            <dt>{t('workspace.customer.emails')}</dt>
            <dd>{customer.emails.length > 0 ? customer.emails.map((e) => <span key={e} className="facts__line facts__line--wrap">{e}</span>) : t('workspace.customer.none')}</dd>
          </div>
          {customer.handles.length > 0 ? (
            <div className="facts__row">
              <dt>{t('workspace.customer.handles')}</dt>
              <dd>
                {customer.handles.map((h) => (
                  <span key={h} className="facts__line facts__line--wrap">
                    {h}
                  </span>
                ))}
              </dd>
            </div>
          ) : null}
          <div className="facts__row">
            <dt>{t('workspace.customer.tags')}</dt>
            <dd>
              {customer.tags.length > 0 ? (
                <span className="tag-list">
                  {customer.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </span>
              ) : (
                t('workspace.customer.noTags')
              )}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('workspace.customer.notes')}</dt>
            <dd className="facts__notes">{customer.notes || t('workspace.customer.none')}</dd>
          </div>
          <div className="facts__row facts__row--stacked">
            <dt>{t('workspace.customer.consent')}</dt>
            <dd>
              <ul className="consents">
                {consentKeys.map((key) => (
                  <li key={key} className={`consent consent--${customer.consent[key] ? 'yes' : 'no'}`}>
                    <span className="consent__mark" aria-hidden="true">
                      {customer.consent[key] ? '✓' : '✕'}
                    </span>
                    <span>
                      {t(`workspace.customer.consents.${key}`)}
                      <span className="visually-hidden">: {customer.consent[key] ? t('workspace.common.yes') : t('workspace.common.no')}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        </dl>
      </div>
    </section>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}
