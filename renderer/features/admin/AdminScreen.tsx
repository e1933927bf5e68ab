import { useTranslation } from 'react-i18next';
import { ScreenHeader } from '../../components/ScreenHeader';
import { AdminTabs, useAdminSection } from './AdminTabs';
import { MacrosManager } from './MacrosManager';

/** Administration: macros, automation rules, SLA and routing, as tabs (`#/admin/<section>`). */
export function AdminScreen() {
  const { t } = useTranslation();
  const section = useAdminSection();
  const subtitle = section === 'macros' ? t('workspace.admin.subtitle') : t(`workspace.admin.subtitles.${section}`);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <ScreenHeader title={t('nav.admin')} subtitle={subtitle} />
      <AdminTabs macros={<MacrosManager />} />
    </section>
  );
}
