import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamRoutingSettings } from '../../../../shared/schemas/routing';
import type { Team } from '../../../../shared/schemas/user';
import { hrefFor } from '../../../app/hash-route';
import { EmptyState } from '../../../components/EmptyState';
import { EditIcon, PlusIcon } from '../../../components/icons/UiIcons';
import { CustomersIcon } from '../../../components/icons/NavIcons';
import { Spinner } from '../../../components/Spinner';
import { errorMessageKey } from '../../../lib/errors';
import { useTRPC } from '../../../lib/trpc';
import { RoutingDialog } from './RoutingDialog';
import { TeamDialog } from './TeamDialog';
import { tierKey } from './team-form';
import '../admin-people.css';

/** Teams (`#/admin/teams`): tier, description, members, and each team's routing. */
export function TeamsAdmin() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const teams = useQuery(trpc.teams.list.queryOptions());
  const settings = useQuery(trpc.routing.settings.queryOptions());
  const users = useQuery(trpc.users.list.queryOptions());
  const [editing, setEditing] = useState<Team | 'new' | null>(null);
  const [routing, setRouting] = useState<{ team: Team; settings: TeamRoutingSettings } | null>(null);

  const members = useMemo(() => {
    const out = new Map<string, { id: string; displayName: string }[]>();
    for (const u of users.data ?? []) {
      if (!u.active) continue;
      for (const id of u.teamIds) out.set(id, [...(out.get(id) ?? []), { id: u.id, displayName: u.displayName }]);
    }
    return out;
  }, [users.data]);
  const settingsOf = (teamId: string) => settings.data?.find((s) => s.teamId === teamId) ?? null;
  const list = teams.data ?? [];

  return (
    <section className="panel" aria-labelledby="teams-title">
      <header className="panel__header">
        <h2 id="teams-title" className="panel__title">
          <CustomersIcon size={16} />
          {t('admin.teams.title')}
        </h2>
        <button type="button" className="button button--primary button--sm" onClick={() => setEditing('new')}>
          <PlusIcon size={14} />
          {t('admin.teams.new')}
        </button>
      </header>
      <p className="adm-hint ppl-hint">{t('admin.teams.hint')}</p>
      {teams.isPending ? (
        <EmptyState role="status" icon={<Spinner size={24} />} title={t('app.loading')} />
      ) : teams.isError ? (
        <p className="panel__empty">{t(errorMessageKey(teams.error))}</p>
      ) : list.length === 0 ? (
        <p className="panel__empty">{t('admin.teams.empty')}</p>
      ) : (
        <div className="adm-table-wrap">
          <table className="data-table ppl-table" aria-labelledby="teams-title">
            <thead>
              <tr>
                <th>{t('admin.teams.columns.name')}</th>
                <th>{t('admin.teams.columns.tier')}</th>
                <th className="data-table__grow">{t('admin.teams.columns.description')}</th>
                <th className="num">{t('admin.teams.columns.members')}</th>
                <th>{t('admin.teams.columns.mode')}</th>
                <th>
                  <span className="visually-hidden">{t('admin.teams.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((team) => {
                const s = settingsOf(team.id);
                const count = members.get(team.id)?.length ?? 0;
                return (
                  <tr key={team.id}>
                    <td>
                      <strong>{team.name}</strong>
                    </td>
                    <td>
                      <span className="tier-badge">{t(`admin.teams.tiers.${tierKey(team.tier)}`)}</span>
                    </td>
                    <td className="data-table__grow adm-muted-cell" title={team.description}>
                      {team.description || t('admin.common.none')}
                    </td>
                    <td className="num">
                      <a className="data-table__link" href={`${hrefFor('admin', 'users')}?team=${encodeURIComponent(team.id)}`} aria-label={t('admin.teams.membersOf', { name: team.name })}>
                        {t('admin.teams.members', { count })}
                      </a>
                    </td>
                    <td>{s ? <span className={s.mode === 'manual' ? 'pill pill--muted' : 'pill ppl-pill--routed'}>{t(`admin.routing.modes.${s.mode}`)}</span> : settings.isPending ? <Spinner size={14} /> : t('admin.common.none')}</td>
                    <td className="adm-row-actions">
                      <span className="ppl-actions">
                        <button type="button" className="button button--sm" aria-label={t('admin.teams.routingOf', { name: team.name })} disabled={!s} onClick={() => s && setRouting({ team, settings: s })}>
                          {t('admin.teams.routing')}
                        </button>
                        <button type="button" className="icon-button icon-button--sm" aria-label={t('admin.teams.edit', { name: team.name })} title={t('admin.teams.edit', { name: team.name })} onClick={() => setEditing(team)}>
                          <EditIcon size={14} />
                        </button>
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {editing ? <TeamDialog team={editing === 'new' ? null : editing} members={editing === 'new' ? [] : (members.get(editing.id) ?? [])} onClose={() => setEditing(null)} /> : null}
      {routing ? <RoutingDialog team={routing.team} settings={routing.settings} onClose={() => setRouting(null)} /> : null}
    </section>
  );
}

