import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerHref, ticketHref } from '../../app/hash-route';
import { useToast } from '../../app/Toaster';
import { navigateToHref } from '../../app/useHashRoute';
import { ChannelLabel } from '../../components/ChannelLabel';
import { EmptyState } from '../../components/EmptyState';
import { AlertIcon, ArrowLeftIcon, EscalateIcon, MergeIcon, RefreshIcon, UserIcon } from '../../components/icons/UiIcons';
import { PriorityBadge } from '../../components/PriorityBadge';
import { SlaBadge } from '../../components/SlaBadge';
import { Spinner } from '../../components/Spinner';
import { StatusBadge } from '../../components/StatusBadge';
import { errorMessageKey } from '../../lib/errors';
import { isScreenShortcut } from '../../lib/keyboard';
import { useTRPC } from '../../lib/trpc';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useLanguage } from '../../lib/useLanguage';
import { useNow } from '../../lib/useNow';
import { useSession } from '../auth/useSession';
import { lastQueueAddress } from '../queue/useQueueFilter';
import { Composer, type ComposerHandle } from './Composer';
import { CustomerSummary } from './CustomerSummary';
import { EscalateDialog } from './EscalateDialog';
import { MergeDialog } from './MergeDialog';
import { TicketProperties } from './TicketProperties';
import { Timeline, type TimelineNames } from './Timeline';
import { useTicket } from './useTicket';
import { SentimentBadge } from '../kb/SentimentBadge';
import { SurveyResult } from '../kb/SurveyResult';
import { TicketSuggestionsPanel } from '../kb/TicketSuggestionsPanel';

/**
 * One ticket: header with its state and actions (take, escalate, merge), the conversation, the
 * composer, and beside them the editable fields and the customer. Live: changes by others show
 * within a second.
 */
export function TicketScreen({ ticketId }: { ticketId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [language] = useLanguage();
  const { user } = useSession();
  const notify = useToast();
  const now = useNow(15_000);
  const { detail, timeline, conflict, dismissConflict, afterChange, onMutationError } = useTicket(ticketId);
  const [dialog, setDialog] = useState<'escalate' | 'merge' | null>(null);
  const composer = useRef<ComposerHandle>(null);
  const lead = user.role !== 'agent';
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), staleTime: 5 * 60_000 });
  const users = useQuery({ ...trpc.users.list.queryOptions(), enabled: lead, staleTime: 5 * 60_000 });

  const data = detail.data;
  const ticket = data?.ticket;
  useDocumentTitle(ticket ? `#${ticket.number} ${ticket.subject}` : null);

  const take = useMutation({
    ...trpc.tickets.take.mutationOptions(),
    onSuccess: (saved) => {
      afterChange(saved);
      notify(t('workspace.ticket.taken', { number: saved.number }));
    },
    onError: onMutationError,
  });
  const canTake = Boolean(ticket && ticket.assigneeId === null && ticket.status !== 'closed');
  const doTake = () => {
    if (ticket && canTake && !take.isPending) take.mutate({ id: ticket.id, version: ticket.version });
  };

  // Screen shortcuts: u back to the queue, r reply, n note, t take, e escalate.
  const actions = useRef({ doTake, canEscalate: false });
  actions.current = { doTake, canEscalate: Boolean(ticket && ticket.status !== 'closed') };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!isScreenShortcut(event) || event.shiftKey) return;
      const handlers: Record<string, () => void> = {
        u: () => navigateToHref(lastQueueAddress()),
        r: () => composer.current?.focus('reply'),
        n: () => composer.current?.focus('note'),
        t: () => actions.current.doTake(),
        e: () => {
          if (actions.current.canEscalate) setDialog('escalate');
        },
      };
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const names: TimelineNames = useMemo(() => {
    const userNames = new Map((users.data ?? []).map((u) => [u.id, u.displayName]));
    userNames.set(user.id, user.displayName);
    if (data?.ticket.assigneeId && data.assigneeName) userNames.set(data.ticket.assigneeId, data.assigneeName);
    const teamNames = new Map((teams.data ?? []).map((team) => [team.id, team.name]));
    return {
      user: (id) => (id ? (userNames.get(id) ?? t('workspace.timeline.anotherAgent')) : t('queue.unassigned')),
      team: (id) => (id ? (teamNames.get(id) ?? id) : t('workspace.ticket.noTeam')),
      author: (entry) => (entry.authorId ? (userNames.get(entry.authorId) ?? entry.authorName) : entry.authorName),
    };
  }, [users.data, teams.data, user, data, t]);

  const back = (
    <a className="back-link" href={lastQueueAddress()} aria-keyshortcuts="u">
      <ArrowLeftIcon size={16} />
      {t('workspace.ticket.backToQueue')}
    </a>
  );

  if (detail.isPending) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        {back}
        <EmptyState role="status" icon={<Spinner size={28} />} title={t('workspace.ticket.loading')} />
      </section>
    );
  }
  if (detail.isError || !data || !ticket) {
    return (
      <section className="screen" aria-labelledby="screen-title">
        {back}
        <h1 id="screen-title" className="visually-hidden" tabIndex={-1}>
          {t('workspace.ticket.errorTitle')}
        </h1>
        <EmptyState
          tone="danger"
          role="alert"
          icon={<AlertIcon size={28} />}
          title={t('workspace.ticket.errorTitle')}
          body={t(errorMessageKey(detail.error))}
          action={
            <button type="button" className="button" onClick={() => void detail.refetch()}>
              {t('app.retry')}
            </button>
          }
        />
      </section>
    );
  }

  const mine = ticket.assigneeId === user.id;
  const closed = ticket.status === 'closed';
  return (
    <section className="screen screen--fill ticket-screen" aria-labelledby="screen-title">
      <header className="ticket-header">
        <div className="ticket-header__main">
          {back}
          <div className="ticket-header__title-row">
            <h1 id="screen-title" className="ticket-header__title" tabIndex={-1}>
              <span className="ticket-header__number">#{ticket.number}</span> {ticket.subject}
            </h1>
          </div>
          <div className="ticket-header__meta">
            {data.customer ? (
              <a className="ticket-header__customer" href={customerHref(data.customer.id)}>
                <UserIcon size={14} />
                {data.customer.name}
              </a>
            ) : null}
            <ChannelLabel channel={ticket.channel} />
            <StatusBadge status={ticket.status} />
            <PriorityBadge priority={ticket.priority} />
            <SentimentBadge ticketId={ticket.id} />
            <span className="tier-badge" title={t('workspace.ticket.tierTitle')}>
              {t('workspace.ticket.tier', { tier: ticket.tier })}
            </span>
            {ticket.status !== 'solved' && !closed ? (
              <SlaBadge sla={{ dueAt: ticket.sla.firstResponseAt ? ticket.sla.resolutionDueAt : (ticket.sla.firstResponseDueAt ?? ticket.sla.resolutionDueAt), startedAt: ticket.createdAt, paused: ticket.sla.pausedSince !== null }} now={now} language={language} showBar />
            ) : null}
            <span className="ticket-header__assignee">
              {ticket.assigneeId ? t('queue.assignee', { name: mine ? t('workspace.ticket.you') : (data.assigneeName ?? '—') }) : t('queue.unassigned')}
              {data.teamName ? ` · ${data.teamName}` : ''}
            </span>
          </div>
        </div>
        <div className="ticket-header__actions">
          {canTake ? (
            <button type="button" className="button button--primary" onClick={doTake} disabled={take.isPending} aria-keyshortcuts="t">
              {take.isPending ? <Spinner size={16} /> : <UserIcon size={16} />}
              {t('workspace.ticket.take')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setDialog('escalate')} disabled={closed} aria-keyshortcuts="e">
            <EscalateIcon size={16} />
            {t('workspace.ticket.escalate')}
          </button>
          <button type="button" className="button" onClick={() => setDialog('merge')} disabled={closed}>
            <MergeIcon size={16} />
            {t('workspace.ticket.merge')}
          </button>
        </div>
      </header>

      {conflict ? (
        <div className="alert alert--warning ticket-banner" role="alert">
          <RefreshIcon size={18} />
          <span>{t('workspace.ticket.conflict')}</span>
          <button type="button" className="button button--ghost button--sm" onClick={dismissConflict}>
            {t('workspace.common.dismiss')}
          </button>
        </div>
      ) : null}
      {ticket.mergedInto ? (
        <div className="alert alert--info ticket-banner" role="status">
          <MergeIcon size={18} />
          <span>
            {t('workspace.ticket.mergedInto', { number: data.mergedIntoNumber ?? '?' })} <a href={ticketHref(ticket.mergedInto)}>{t('workspace.ticket.openMerged')}</a>
          </span>
        </div>
      ) : null}

      <div className="ticket-layout">
        <div className="ticket-main">
          {timeline.isPending ? (
            <EmptyState role="status" icon={<Spinner size={24} />} title={t('workspace.timeline.loading')} />
          ) : timeline.isError ? (
            <EmptyState tone="danger" role="alert" icon={<AlertIcon size={24} />} title={t('workspace.timeline.error')} body={t(errorMessageKey(timeline.error))} />
          ) : (
            <Timeline entries={timeline.data} language={language} names={names} />
          )}
          <Composer ticket={ticket} handleRef={composer} onSent={afterChange} onError={onMutationError} />
        </div>
        <aside className="ticket-side" aria-label={t('workspace.ticket.sidePanel')}>
          <TicketProperties detail={data} onSaved={afterChange} onError={onMutationError} />
          <CustomerSummary detail={data} language={language} />
          <TicketSuggestionsPanel ticketId={ticket.id} onInsert={(text) => composer.current?.insert(text)} />
          <SurveyResult ticketId={ticket.id} />
        </aside>
      </div>

      {dialog === 'escalate' ? (
        <EscalateDialog
          ticket={ticket}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            afterChange(saved);
            notify(t('workspace.escalate.done', { number: saved.number }));
          }}
          onError={onMutationError}
        />
      ) : null}
      {dialog === 'merge' ? (
        <MergeDialog
          ticket={ticket}
          onClose={() => setDialog(null)}
          onDone={(saved, target) => {
            afterChange(saved);
            notify(t('workspace.merge.done', { source: saved.number, target: target.number }));
            navigateToHref(ticketHref(target.id));
          }}
          onError={onMutationError}
        />
      ) : null}
    </section>
  );
}
