import type { TFunction } from 'i18next';
import type { WallboardSnapshot } from './useWallboard';

export const WALLBOARD_TILES = ['tma', 'tmeVoice', 'fcr', 'csat', 'serviceLevel', 'abandonment'] as const;
export type WallboardTile = (typeof WALLBOARD_TILES)[number];

/** What a tile's value is over, in words: "42 atendimentos", "18 ligações oferecidas". */
export function tileDetail(kpi: WallboardTile, s: WallboardSnapshot, t: TFunction): string {
  const c = s.kpis.counts;
  switch (kpi) {
    case 'tma':
      return t('supervisor.tile.handled', { count: c.handled });
    case 'tmeVoice':
      return t('supervisor.tile.answered', { count: c.answered });
    case 'fcr':
      return t('supervisor.tile.solved', { count: c.solved });
    case 'csat':
      return t('supervisor.tile.answers', { count: c.csatAnswers });
    case 'serviceLevel':
      return t('supervisor.tile.offered', { count: c.offered });
    case 'abandonment':
      return t('supervisor.tile.offered', { count: c.offered });
  }
}

/** A tile's hover help: the KPI's definition, with the service-level threshold spelled out. */
export function tileHelp(kpi: WallboardTile, s: WallboardSnapshot, t: TFunction): string {
  const help = t(`kpiHelp.${kpi}`);
  return kpi === 'serviceLevel' ? `${t('supervisor.tile.serviceLevelWithin', { seconds: s.kpis.serviceLevelSeconds })}. ${help}` : help;
}
