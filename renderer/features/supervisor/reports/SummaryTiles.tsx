import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { KpiId } from '../../../../shared/kpi';
import type { RouterOutputs } from '../../../lib/trpc';
import { KpiTile } from '../wallboard/KpiTile';

type Summary = RouterOutputs['metrics']['summary'];
const TILES = ['tma', 'tmeVoice', 'fcr', 'csat', 'serviceLevel', 'abandonment', 'slaFirstResponse', 'volume'] as const satisfies readonly KpiId[];

function detail(kpi: (typeof TILES)[number], s: Summary, t: TFunction): string {
  switch (kpi) {
    case 'tma':
      return t('supervisor.tile.handled', { count: s.tma.handled });
    case 'tmeVoice':
      return t('supervisor.tile.answered', { count: s.tme.answeredCalls });
    case 'fcr':
      return t('supervisor.tile.solved', { count: s.fcr.solved });
    case 'csat':
      return t('supervisor.tile.answers', { count: s.csat.answers });
    case 'serviceLevel':
    case 'abandonment':
      return t('supervisor.tile.offered', { count: s.serviceLevel.offered });
    case 'slaFirstResponse':
      return t('supervisor.tile.due', { count: s.sla.firstResponse.due });
    case 'volume':
      return t('supervisor.tile.volumeDetail');
  }
}

/** The period's KPIs at a glance, each against its target. */
export function SummaryTiles({ summary, targets }: { summary: Summary; targets: Partial<Record<KpiId, number>> }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('supervisor.reports.summaryLabel')}>
      <div className="sv-tiles sv-tiles--report">
        {TILES.map((kpi) => (
          <KpiTile key={kpi} kpi={kpi} value={summary.values[kpi]} target={targets[kpi]} detail={detail(kpi, summary, t)} size="sm" />
        ))}
      </div>
    </section>
  );
}
