import { useTranslation } from 'react-i18next';
import { SurveyFollowUpsPanel } from '../../kb/SurveyFollowUpsPanel';
import { SupervisorHeader } from '../SupervisorHeader';
import { SurveySettingsCard } from './SurveySettingsCard';

/**
 * `#/supervisor/surveys`: the follow-ups low survey scores opened (live, closed here with what was
 * done) and the survey settings beside them (edited by admins, read by supervisors).
 */
export function SurveysScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen sv-screen" aria-labelledby="screen-title">
      <SupervisorHeader view="surveys" subtitle={t('supervisor.surveys.subtitle')} />
      <div className="sv-surveys">
        <SurveyFollowUpsPanel />
        <SurveySettingsCard />
      </div>
    </section>
  );
}
