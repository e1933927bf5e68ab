import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/hash-route';
import { ScreenHeader } from '../../components/ScreenHeader';

export type SupervisorView = 'wallboard' | 'reports';

/** The supervisor screens' title with the tabs between the live wallboard and the reports. */
export function SupervisorHeader({ view, subtitle, actions }: { view: SupervisorView; subtitle: string; actions?: ReactNode }) {
  const { t } = useTranslation();
  const tabs: { id: SupervisorView; href: string }[] = [
    { id: 'wallboard', href: hrefFor('supervisor') },
    { id: 'reports', href: hrefFor('supervisor', 'reports') },
  ];
  return (
    <ScreenHeader
      title={t('supervisor.title')}
      subtitle={subtitle}
      meta={
        <nav className="sv-tabs" aria-label={t('supervisor.tabs.label')}>
          {tabs.map((tab) => (
            <a key={tab.id} className="sv-tabs__item" href={tab.href} aria-current={tab.id === view ? 'page' : undefined}>
              {t(`supervisor.tabs.${tab.id}`)}
            </a>
          ))}
        </nav>
      }
      actions={actions}
    />
  );
}
