import { useTranslation } from 'react-i18next';
import type { KpiId } from '../../../../shared/kpi';
import { meetsTarget } from '../../../../shared/schemas/kpi-targets';
import { AlertIcon, CheckIcon } from '../../../components/icons/UiIcons';
import { useLanguage } from '../../../lib/useLanguage';
import { formatKpi, targetOperator } from '../kpi-format';

/**
 * One KPI against its target: the value large, the target under it with whether it is met (an
 * icon and colour, the words for screen readers and on hover), and what the value is over.
 */
export function KpiTile({
  kpi,
  value,
  target,
  detail,
  help,
  size = 'md',
  pending = false,
}: {
  kpi: KpiId;
  value: number | null;
  target: number | undefined;
  detail: string;
  help?: string;
  size?: 'sm' | 'md' | 'tv';
  /** The figures are still being computed (right after the server started). */
  pending?: boolean;
}) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const met = meetsTarget(kpi, value, target);
  const tone = met === null ? 'none' : met ? 'ok' : 'bad';
  const status = met === null ? null : met ? t('supervisor.tile.onTarget') : t('supervisor.tile.offTarget');
  return (
    <article className={`sv-tile sv-tile--${tone} sv-tile--${size}`} aria-label={t(`kpi.${kpi}`)} aria-busy={pending || undefined}>
      <h3 className="sv-tile__label" title={help ?? t(`kpiHelp.${kpi}`)}>
        {t(`kpi.${kpi}`)}
      </h3>
      <p className="sv-tile__value" data-testid={`kpi-${kpi}`}>
        {formatKpi(kpi, value, language)}
      </p>
      <p className="sv-tile__target" title={status ?? undefined}>
        {status ? (
          <span className={`sv-tile__status sv-tile__status--${tone}`}>
            {met ? <CheckIcon size={12} strokeWidth={3} /> : <AlertIcon size={12} strokeWidth={2.5} />}
            <span className="visually-hidden">{status}</span>
          </span>
        ) : null}
        <span>{target === undefined ? t('supervisor.tile.noTarget') : t('supervisor.tile.target', { op: targetOperator(kpi), value: formatKpi(kpi, target, language) })}</span>
      </p>
      <p className="sv-tile__detail" title={detail}>
        {pending ? t('supervisor.tile.calculating') : value === null ? (size === 'sm' ? t('supervisor.tile.noDataPeriod') : t('supervisor.tile.noData')) : detail}
      </p>
    </article>
  );
}
