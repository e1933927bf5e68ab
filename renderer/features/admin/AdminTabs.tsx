import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefFor } from '../../app/hash-route';
import { useHashLocation } from '../../app/useHashRoute';
import { AutomationManager } from '../automation/AutomationManager';
import { SlaAdmin } from '../automation/sla/SlaAdmin';
import { AuditAdmin } from './audit/AuditAdmin';
import { TeamsAdmin } from './teams/TeamsAdmin';
import { UsersAdmin } from './users/UsersAdmin';
import '../automation/automation.css';

const SECTIONS = ['macros', 'rules', 'sla', 'users', 'teams', 'audit'] as const;
export type AdminSection = (typeof SECTIONS)[number];
type Section = AdminSection;

/** The admin section the address names (macros by default). */
export function useAdminSection(): AdminSection {
  const location = useHashLocation();
  return SECTIONS.find((s) => s === location.params[0]) ?? 'macros';
}

const LABEL_KEYS = {
  macros: 'automation.tabs.macros',
  rules: 'automation.tabs.rules',
  sla: 'automation.tabs.sla',
  users: 'admin.tabs.users',
  teams: 'admin.tabs.teams',
  audit: 'admin.tabs.audit',
} as const satisfies Record<Section, string>;

const VIEWS: Record<Exclude<Section, 'macros'>, ComponentType> = { rules: AutomationManager, sla: SlaAdmin, users: UsersAdmin, teams: TeamsAdmin, audit: AuditAdmin };

/**
 * The admin screen's sections as tabs addressed by the hash (`#/admin/rules`), so a section can be
 * linked, reloaded and reached with Back. Macros stay the first (and default) section.
 */
export function AdminTabs({ macros }: { macros: ReactNode }) {
  const { t } = useTranslation();
  const current = useAdminSection();
  const View = current === 'macros' ? null : VIEWS[current];
  return (
    <>
      <nav className="adm-tabs" aria-label={t('automation.tabs.label')}>
        {SECTIONS.map((s) => (
          <a key={s} className="adm-tabs__item" href={s === 'macros' ? hrefFor('admin') : hrefFor('admin', s)} aria-current={s === current ? 'page' : undefined}>
            {t(LABEL_KEYS[s])}
          </a>
        ))}
      </nav>
      {View ? <View /> : macros}
    </>
  );
}
