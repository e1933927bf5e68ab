import { hrefFor } from '../../app/hash-route';

/** The supervisor screens' tabs, in the order of the header. */
export const SUPERVISOR_TABS = ['wallboard', 'reports', 'surveys'] as const;
export type SupervisorTab = (typeof SUPERVISOR_TABS)[number];

/** What `#/supervisor/…` shows: a tab, or the wallboard's TV mode (no tab of its own). */
export type SupervisorView = SupervisorTab | 'tv';

/**
 * The view of the path segments after `supervisor` (`['surveys']` → `surveys`); anything
 * unknown is the live wallboard, the screen's default.
 */
export function supervisorViewOf(params: readonly string[]): SupervisorView {
  const first = params[0];
  if (first === 'tv') return 'tv';
  return first === 'reports' || first === 'surveys' ? first : 'wallboard';
}

/** The address of a tab (`#/supervisor`, `#/supervisor/reports`, `#/supervisor/surveys`). */
export function supervisorHref(tab: SupervisorTab): string {
  return tab === 'wallboard' ? hrefFor('supervisor') : hrefFor('supervisor', tab);
}
