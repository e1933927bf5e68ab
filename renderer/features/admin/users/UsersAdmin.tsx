import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleSchema } from '../../../../shared/schemas/common';
import type { PublicUser } from '../../../../shared/schemas/user';
import { useHashLocation } from '../../../app/useHashRoute';
import { EmptyState } from '../../../components/EmptyState';
import { EditIcon, LockIcon, PlusIcon, SearchIcon, UserIcon } from '../../../components/icons/UiIcons';
import { Spinner } from '../../../components/Spinner';
import { errorMessageKey } from '../../../lib/errors';
import { useTRPC } from '../../../lib/trpc';
import { useSession } from '../../auth/useSession';
import { initials } from '../../cti/cti-format';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { UserDialog } from './UserDialog';
import { filterUsers, type UserFilter } from './user-form';
import '../admin-people.css';

/** Team tags in a row before the rest collapse into "+N" (all of them in the tooltip and for screen readers). */
const SHOWN_TEAMS = 1;

/** The users table (`#/admin/users`, `?team=<id>` pre-filters by team): search, filters, create, edit, reset password. */
export function UsersAdmin() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const session = useSession();
  const location = useHashLocation();
  const teamInAddress = new URLSearchParams(location.search).get('team') ?? '';
  const users = useQuery(trpc.users.list.queryOptions());
  const teams = useQuery(trpc.teams.list.queryOptions());
  const [filter, setFilter] = useState<UserFilter>({ text: '', role: '', teamId: teamInAddress, showInactive: false });
  const [editing, setEditing] = useState<PublicUser | 'new' | null>(null);
  const [resetting, setResetting] = useState<PublicUser | null>(null);
  useEffect(() => setFilter((f) => ({ ...f, teamId: teamInAddress })), [teamInAddress]);

  const teamList = useMemo(() => teams.data ?? [], [teams.data]);
  const teamName = useMemo(() => new Map(teamList.map((x) => [x.id, x.name])), [teamList]);
  const all = useMemo(() => users.data ?? [], [users.data]);
  const shown = filterUsers(all, filter);
  const knownSkills = useMemo(() => [...new Set(all.flatMap((u) => u.skills.map((s) => s.name)))].sort((a, b) => a.localeCompare(b)), [all]);
  const set = (patch: Partial<UserFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <section className="panel" aria-labelledby="users-title">
      <header className="panel__header">
        <h2 id="users-title" className="panel__title">
          <UserIcon size={16} />
          {t('admin.users.title')}
        </h2>
        <button type="button" className="button button--primary button--sm" onClick={() => setEditing('new')}>
          <PlusIcon size={14} />
          {t('admin.users.new')}
        </button>
      </header>
      <p className="adm-hint">{t('admin.users.hint')}</p>
      <div className="ppl-toolbar" role="search" aria-label={t('admin.users.filters')}>
        <div className="search-box">
          <SearchIcon size={16} />
          <input
            type="search"
            className="input input--sm search-box__input"
            aria-label={t('admin.users.search')}
            placeholder={t('admin.users.searchPlaceholder')}
            maxLength={120}
            value={filter.text}
            onChange={(e) => set({ text: e.target.value })}
          />
        </div>
        <select className="select select--sm ppl-toolbar__select" aria-label={t('admin.users.role')} value={filter.role} onChange={(e) => set({ role: e.target.value === '' ? '' : RoleSchema.parse(e.target.value) })}>
          <option value="">{t('admin.users.allRoles')}</option>
          {RoleSchema.options.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
        <select className="select select--sm ppl-toolbar__select" aria-label={t('admin.users.team')} value={filter.teamId} onChange={(e) => set({ teamId: e.target.value })}>
          <option value="">{t('admin.users.allTeams')}</option>
          {teamList.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <label className="check">
          <input type="checkbox" checked={filter.showInactive} onChange={(e) => set({ showInactive: e.target.checked })} />
          <span>{t('admin.users.showInactive')}</span>
        </label>
        <span className="ppl-toolbar__count" role="status">
          {users.isSuccess ? t('admin.users.count', { count: shown.length }) : null}
        </span>
      </div>

      {users.isPending ? (
        <EmptyState role="status" icon={<Spinner size={24} />} title={t('app.loading')} />
      ) : users.isError ? (
        <p className="panel__empty">{t(errorMessageKey(users.error))}</p>
      ) : shown.length === 0 ? (
        <p className="panel__empty">{t('admin.users.empty')}</p>
      ) : (
        <div className="adm-table-wrap">
          <table className="data-table ppl-table" aria-labelledby="users-title">
            <thead>
              <tr>
                <th>{t('admin.users.columns.name')}</th>
                <th>{t('admin.users.columns.username')}</th>
                <th>{t('admin.users.columns.role')}</th>
                <th className="num">{t('admin.users.columns.extension')}</th>
                <th className="data-table__grow">{t('admin.users.columns.teams')}</th>
                <th>{t('admin.users.columns.state')}</th>
                <th>{t('admin.users.columns.active')}</th>
                <th>
                  <span className="visually-hidden">{t('admin.users.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'ppl-row--inactive'}>
                  <td>
                    <span className="ppl-person">
                      <span className="user-chip__avatar" aria-hidden="true">
                        {initials(u.displayName)}
                      </span>
                      <strong>{u.displayName}</strong>
                      {u.id === session.user.id ? <span className="pill pill--muted">{t('admin.common.you')}</span> : null}
                    </span>
                  </td>
                  <td className="mono">{u.username}</td>
                  <td>{t(`role.${u.role}`)}</td>
                  <td className="num">{u.extension ?? t('admin.common.none')}</td>
                  <td className="data-table__grow">
                    {u.teamIds.length === 0 ? (
                      <span className="muted">{t('admin.users.noTeams')}</span>
                    ) : (
                      <span className="ppl-teams" title={u.teamIds.map((id) => teamName.get(id) ?? id).join(', ')}>
                        {u.teamIds.slice(0, SHOWN_TEAMS).map((id) => (
                          <span key={id} className="tag">
                            {teamName.get(id) ?? id}
                          </span>
                        ))}
                        {u.teamIds.length > SHOWN_TEAMS ? (
                          <span className="tag">
                            <span aria-hidden="true">+{u.teamIds.length - SHOWN_TEAMS}</span>
                            <span className="visually-hidden">{u.teamIds.slice(SHOWN_TEAMS).map((id) => teamName.get(id) ?? id).join(', ')}</span>
                          </span>
                        ) : null}
                      </span>
                    )}
                  </td>
                  <td>
                    <span className={`ppl-state agent-state--${u.state}`}>
                      <span className="agent-state__dot" aria-hidden="true" />
                      {t(`agentState.${u.state}`)}
                    </span>
                  </td>
                  <td>{u.active ? <span className="pill ppl-pill--ok">{t('admin.users.active')}</span> : <span className="pill pill--muted">{t('admin.users.inactive')}</span>}</td>
                  <td className="adm-row-actions">
                    <button type="button" className="icon-button icon-button--sm" aria-label={t('admin.users.edit', { name: u.displayName })} title={t('admin.users.edit', { name: u.displayName })} onClick={() => setEditing(u)}>
                      <EditIcon size={14} />
                    </button>
                    <button type="button" className="icon-button icon-button--sm" aria-label={t('admin.users.resetPassword', { name: u.displayName })} title={t('admin.users.resetPassword', { name: u.displayName })} onClick={() => setResetting(u)}>
                      <LockIcon size={14} />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {editing ? (
        <UserDialog user={editing === 'new' ? null : editing} teams={teamList} knownSkills={knownSkills} defaultTeamIds={filter.teamId ? [filter.teamId] : []} onClose={() => setEditing(null)} />
      ) : null}
      {resetting ? <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} /> : null}
    </section>
  );
}
