import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/hash-route';
import { navigateToHref } from '../../app/useHashRoute';
import { EmptyState } from '../../components/EmptyState';
import { AlertIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useSession } from '../auth/useSession';
import { LiveStatus } from './LiveStatus';
import { SupervisorHeader } from './SupervisorHeader';
import { TargetsDialog } from './TargetsDialog';
import { AgentBoard, AgentSummary } from './wallboard/AgentBoard';
import { CallsPanel } from './wallboard/CallsPanel';
import { KpiTile } from './wallboard/KpiTile';
import { SlaPanel } from './wallboard/SlaPanel';
import { tileDetail, tileHelp, WALLBOARD_TILES } from './wallboard/tile-detail';
import { useWallboard } from './wallboard/useWallboard';

/** Opens TV mode from a click, so the browser allows full screen. */
export function enterTvMode(): void {
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
  navigateToHref(hrefFor('supervisor', 'tv'));
}

/** The live floor for supervisors: today's KPIs against targets, the call queue, SLA risk, every agent's state. */
export function WallboardScreen() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useSession();
  const { snapshot, nowMs, stale, status, error } = useWallboard();
  const [editing, setEditing] = useState(false);
  const targets = useQuery({ ...trpc.wallboard.targets.queryOptions(), enabled: editing });

  const actions = (
    <>
      <LiveStatus status={status} stale={stale} generatedAt={snapshot?.generatedAt ?? null} />
      {user.role === 'admin' ? (
        <button type="button" className="button" onClick={() => setEditing(true)}>
          {t('supervisor.wallboard.targets')}
        </button>
      ) : null}
      <button type="button" className="button button--primary" onClick={enterTvMode} title={t('supervisor.wallboard.tvModeHint')}>
        {t('supervisor.wallboard.tvMode')}
      </button>
    </>
  );

  return (
    <section className="screen sv-screen" aria-labelledby="screen-title">
      <SupervisorHeader view="wallboard" subtitle={t('supervisor.wallboard.subtitle')} actions={actions} />
      {!snapshot ? (
        error ? (
          <EmptyState icon={<AlertIcon size={28} />} title={t('supervisor.wallboard.errorTitle')} body={t(errorMessageKey(error))} tone="danger" role="alert" />
        ) : (
          <div className="sv-loading" role="status">
            <Spinner /> {t('supervisor.wallboard.loading')}
          </div>
        )
      ) : (
        <div className={`sv-wallboard${stale ? ' sv-wallboard--stale' : ''}`}>
          <section aria-labelledby="sv-kpis-title">
            <h2 id="sv-kpis-title" className="visually-hidden">
              {t('supervisor.wallboard.todayKpis')}
            </h2>
            <div className="sv-tiles">
              {WALLBOARD_TILES.map((kpi) => (
                <KpiTile key={kpi} kpi={kpi} value={snapshot.kpis.values[kpi]} target={snapshot.targets[kpi]} detail={tileDetail(kpi, snapshot, t)} help={tileHelp(kpi, snapshot, t)} pending={!snapshot.kpis.ready} />
              ))}
            </div>
          </section>
          <div className="sv-panels">
            <CallsPanel snapshot={snapshot} nowMs={nowMs} />
            <SlaPanel snapshot={snapshot} nowMs={nowMs} />
            <AgentSummary snapshot={snapshot} />
          </div>
          <section className="sv-panel sv-panel--flush" aria-labelledby="sv-agents-title">
            <h2 id="sv-agents-title" className="sv-panel__title">
              {t('supervisor.agents.listLabel')}
            </h2>
            <AgentBoard snapshot={snapshot} nowMs={nowMs} />
          </section>
        </div>
      )}
      {editing && targets.data ? <TargetsDialog targets={targets.data} onClose={() => setEditing(false)} /> : null}
    </section>
  );
}
