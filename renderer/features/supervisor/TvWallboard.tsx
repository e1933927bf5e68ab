import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/hash-route';
import { navigateToHref } from '../../app/useHashRoute';
import { BrandMark } from '../../components/BrandMark';
import { CloseIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { useLanguage } from '../../lib/useLanguage';
import { formatDuration } from './kpi-format';
import { LiveStatus } from './LiveStatus';
import { AgentBoard } from './wallboard/AgentBoard';
import { waitTone } from './wallboard/CallsPanel';
import { KpiTile } from './wallboard/KpiTile';
import { tileDetail, tileHelp, WALLBOARD_TILES } from './wallboard/tile-detail';
import { secondsSince, useWallboard } from './wallboard/useWallboard';

const leave = () => {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  navigateToHref(hrefFor('supervisor'));
};

/**
 * The wallboard for the floor TV: the whole screen, no navigation, large type and strong
 * contrast, updating on its own. Esc (or leaving full screen) goes back to the wallboard.
 */
export function TvWallboard() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const { snapshot, nowMs, stale, status } = useWallboard();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      leave();
    };
    // The browser takes Esc to leave full screen itself: follow it out of TV mode.
    let wasFullscreen = document.fullscreenElement !== null;
    const onFullscreen = () => {
      if (wasFullscreen && !document.fullscreenElement) leave();
      wasFullscreen = document.fullscreenElement !== null;
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    document.documentElement.classList.add('sv-tv-open');
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
      document.documentElement.classList.remove('sv-tv-open');
    };
  }, []);

  const clock = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(new Date(nowMs));
  const oldest = snapshot?.calls.list[0];
  const longest = oldest ? secondsSince(oldest.queuedAt, nowMs) : null;

  return (
    <div className="sv-tv" role="region" aria-label={t('supervisor.tv.label')}>
      <header className="sv-tv__bar">
        <span className="sv-tv__brand">
          <BrandMark name={t('app.name')} />
          <h1 className="sv-tv__title">{t('supervisor.title')}</h1>
        </span>
        <LiveStatus status={status} stale={stale} generatedAt={snapshot?.generatedAt ?? null} />
        <span className="sv-tv__clock">{clock}</span>
        <button type="button" className="sv-tv__exit" onClick={leave} aria-label={t('supervisor.tv.exit')} title={t('supervisor.tv.exit')}>
          <CloseIcon size={22} />
        </button>
      </header>
      {!snapshot ? (
        <div className="sv-tv__loading" role="status">
          <Spinner size={32} /> {t('supervisor.wallboard.loading')}
        </div>
      ) : (
        <main className="sv-tv__body">
          <div className="sv-tv__figures">
            <div className={`sv-tv__figure${snapshot.calls.waiting > 0 ? ' sv-tv__figure--info' : ''}`}>
              <span className="sv-tv__figure-value" data-testid="tv-calls-waiting">
                {snapshot.calls.waiting}
              </span>
              <span className="sv-tv__figure-label">{t('supervisor.tv.waitingCalls')}</span>
            </div>
            <div className={`sv-tv__figure sv-tv__figure--${waitTone(longest, snapshot.targets.tmeVoice)}`}>
              <span className="sv-tv__figure-value">{longest === null ? '—' : formatDuration(longest)}</span>
              <span className="sv-tv__figure-label">{t('supervisor.tv.longestWait')}</span>
            </div>
            <div className={`sv-tv__figure${snapshot.sla.atRisk > 0 ? ' sv-tv__figure--warning' : ''}`}>
              <span className="sv-tv__figure-value">{snapshot.sla.atRisk}</span>
              <span className="sv-tv__figure-label">{t('supervisor.tv.slaAtRisk')}</span>
            </div>
            <div className={`sv-tv__figure${snapshot.sla.breached > 0 ? ' sv-tv__figure--danger' : ''}`}>
              <span className="sv-tv__figure-value">{snapshot.sla.breached}</span>
              <span className="sv-tv__figure-label">{t('supervisor.tv.slaBreached')}</span>
            </div>
          </div>
          <div className="sv-tv__tiles">
            {WALLBOARD_TILES.map((kpi) => (
              <KpiTile key={kpi} kpi={kpi} value={snapshot.kpis.values[kpi]} target={snapshot.targets[kpi]} detail={tileDetail(kpi, snapshot, t)} help={tileHelp(kpi, snapshot, t)} pending={!snapshot.kpis.ready} size="tv" />
            ))}
          </div>
          <AgentBoard snapshot={snapshot} nowMs={nowMs} size="tv" />
        </main>
      )}
    </div>
  );
}
