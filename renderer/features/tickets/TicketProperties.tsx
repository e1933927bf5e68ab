import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type Priority, type TicketStatus } from '../../../shared/schemas/ticket';
import { TagEditor } from '../../components/TagEditor';
import { Spinner } from '../../components/Spinner';
import { statusOptions } from '../../lib/ticket-status';
import { useTRPC } from '../../lib/trpc';
import { useSession } from '../auth/useSession';
import type { Ticket, TicketDetail } from './useTicket';

type Patch = Partial<{ status: TicketStatus; priority: Priority; category: string | null; tags: string[]; assigneeId: string | null; teamId: string | null }>;

/**
 * The ticket's fields, each saved as soon as it changes (with the version on screen, so a change
 * someone else made first is reported, not overwritten). The status menu offers only the moves
 * the server allows from the current status.
 */
export function TicketProperties({ detail, onSaved, onError }: { detail: TicketDetail; onSaved: (ticket: Ticket) => void; onError: (error: unknown) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const { ticket } = detail;
  const lead = user.role !== 'agent';
  const teams = useQuery({ ...trpc.teams.list.queryOptions(), staleTime: 5 * 60_000 });
  const users = useQuery({ ...trpc.users.list.queryOptions(), enabled: lead, staleTime: 5 * 60_000 });
  const ids = { status: useId(), priority: useId(), category: useId(), tags: useId(), assignee: useId(), team: useId() };
  const [category, setCategory] = useState(ticket.category ?? '');
  useEffect(() => setCategory(ticket.category ?? ''), [ticket.category]);

  const update = useMutation({ ...trpc.tickets.update.mutationOptions(), onSuccess: onSaved, onError });
  const save = (patch: Patch) => update.mutate({ id: ticket.id, version: ticket.version, patch });
  const closed = ticket.status === 'closed';
  const busy = update.isPending;

  const assignees: { id: string; name: string }[] = [];
  assignees.push({ id: user.id, name: t('workspace.ticket.me', { name: user.displayName }) });
  if (ticket.assigneeId && ticket.assigneeId !== user.id) assignees.push({ id: ticket.assigneeId, name: detail.assigneeName ?? ticket.assigneeId });
  for (const u of users.data ?? []) {
    if (u.active && !assignees.some((a) => a.id === u.id)) assignees.push({ id: u.id, name: u.displayName });
  }

  const commitCategory = () => {
    const next = category.trim();
    if (next !== (ticket.category ?? '')) save({ category: next || null });
  };

  return (
    <section className="panel" aria-labelledby="ticket-properties-title">
      <header className="panel__header">
        <h2 id="ticket-properties-title" className="panel__title">
          {t('workspace.ticket.properties')}
        </h2>
        {busy ? <Spinner size={14} label={t('workspace.common.saving')} /> : null}
      </header>
      <div className="panel__body props">
        <div className="props__row">
          <label htmlFor={ids.status}>{t('workspace.ticket.status')}</label>
          <select id={ids.status} className="select select--sm" value={ticket.status} disabled={busy || closed} onChange={(e) => save({ status: e.target.value as TicketStatus })}>
            {statusOptions(ticket.status).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="props__row">
          <label htmlFor={ids.priority}>{t('workspace.ticket.priority')}</label>
          <select id={ids.priority} className="select select--sm" value={ticket.priority} disabled={busy || closed} onChange={(e) => save({ priority: e.target.value as Priority })}>
            {[...PRIORITIES].reverse().map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="props__row">
          <label htmlFor={ids.assignee}>{t('workspace.ticket.assignee')}</label>
          <select id={ids.assignee} className="select select--sm" value={ticket.assigneeId ?? ''} disabled={busy || closed} onChange={(e) => save({ assigneeId: e.target.value || null })}>
            <option value="">{t('queue.unassigned')}</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="props__row">
          <label htmlFor={ids.team}>{t('workspace.ticket.team')}</label>
          <select id={ids.team} className="select select--sm" value={ticket.teamId ?? ''} disabled={busy || closed} onChange={(e) => save({ teamId: e.target.value || null })}>
            <option value="">{t('workspace.ticket.noTeam')}</option>
            {(teams.data ?? []).map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
            {ticket.teamId && !teams.data?.some((team) => team.id === ticket.teamId) ? <option value={ticket.teamId}>{detail.teamName ?? ticket.teamId}</option> : null}
          </select>
        </div>
        <div className="props__row">
          <label htmlFor={ids.category}>{t('workspace.ticket.category')}</label>
          <input
            id={ids.category}
            className="input input--sm"
            value={category}
            placeholder={t('workspace.ticket.categoryPlaceholder')}
            disabled={busy || closed}
            maxLength={80}
            onChange={(e) => setCategory(e.target.value)}
            onBlur={commitCategory}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                commitCategory();
              } else if (e.key === 'Escape') {
                setCategory(ticket.category ?? '');
              }
            }}
          />
        </div>
        <div className="props__row props__row--stacked">
          <label htmlFor={ids.tags}>{t('workspace.ticket.tags')}</label>
          <TagEditor id={ids.tags} value={ticket.tags} onChange={(tags) => save({ tags })} disabled={busy || closed} />
        </div>
      </div>
    </section>
  );
}
