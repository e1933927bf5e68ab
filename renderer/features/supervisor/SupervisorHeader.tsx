import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { SUPERVISOR_TABS, supervisorHref, type SupervisorTab } from './supervisor-view';

/** The supervisor screens' title with the tabs: live wallboard, reports, surveys. */
export function SupervisorHeader({ view, subtitle, actions }: { view: SupervisorTab; subtitle: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ScreenHeader
      title={t('supervisor.title')}
      subtitle={subtitle}
      meta={
        <nav className="sv-tabs" aria-label={t('supervisor.tabs.label')}>
          {SUPERVISOR_TABS.map((tab) => (
            <a key={tab} className="sv-tabs__item" href={supervisorHref(tab)} aria-current={tab === view ? 'page' : undefined}>
              {t(`supervisor.tabs.${tab}`)}
            </a>
          ))}
        </nav>
      }
      actions={actions}
    />
  );
}
