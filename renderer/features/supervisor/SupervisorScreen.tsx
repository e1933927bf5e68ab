import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useHashLocation } from '../../app/useHashRoute';
import { Spinner } from '../../components/Spinner';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { supervisorViewOf } from './supervisor-view';
import { SurveysScreen } from './surveys/SurveysScreen';
import { TvWallboard } from './TvWallboard';
import { WallboardScreen } from './WallboardScreen';
import './supervisor.css';

// The charts library is loaded with the reports only: agents never download it.
const ReportsScreen = lazy(() => import('./ReportsScreen').then((m) => ({ default: m.ReportsScreen })));

/**
 * The supervisor screens: `#/supervisor` the live wallboard, `#/supervisor/tv` its TV mode,
 * `#/supervisor/reports` the historical reports, `#/supervisor/surveys` the survey follow-ups and
 * settings. The server refuses these procedures to agents whatever the address says.
 */
export function SupervisorScreen() {
  const { t } = useTranslation();
  const { params } = useHashLocation();
  const view = supervisorViewOf(params);
  useDocumentTitle(`${t(`supervisor.tabs.${view === 'tv' ? 'wallboard' : view}`)} · ${t('supervisor.title')}`);
  if (view === 'reports') {
    return (
      <Suspense
        fallback={
          <div className="sv-loading" role="status">
            <Spinner /> {t('supervisor.reports.loading')}
          </div>
        }
      >
        <ReportsScreen />
      </Suspense>
    );
  }
  if (view === 'surveys') return <SurveysScreen />;
  if (view === 'tv') return <TvWallboard />;
  return <WallboardScreen />;
}
