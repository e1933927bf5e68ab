import type { Team } from '../../../shared/schemas/user';

export type EscalationTarget<T> =
  | { ok: true; tier: number; teams: T[] }
  | { ok: false; reason: 'top_tier' | 'no_higher_tier_team' };

const TOP_TIER = 3;

/**
 * The teams a ticket at `currentTier` escalates to: those of the lowest tier above it that has any
 * team (a tier without teams is skipped, so 1 → 3 when there is no second level).
 */
export function nextTierTeams<T extends Pick<Team, 'id' | 'tier'>>(teams: readonly T[], currentTier: number): EscalationTarget<T> {
  if (currentTier >= TOP_TIER) return { ok: false, reason: 'top_tier' };
  const higher = teams.filter((t) => t.tier > currentTier);
  if (higher.length === 0) return { ok: false, reason: 'no_higher_tier_team' };
  const tier = Math.min(...higher.map((t) => t.tier));
  return { ok: true, tier, teams: higher.filter((t) => t.tier === tier).sort((a, b) => a.id.localeCompare(b.id)) };
}
