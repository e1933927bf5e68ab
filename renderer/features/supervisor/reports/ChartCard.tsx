import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart's frame: title, what its values mean, and its actions (table view, CSV export). The
 * table view shows the same points as rows, each with a button to drill down (keyboard users).
 */
export function ChartCard({ title, subtitle, help, onExport, chart, table, empty }: { title: string; subtitle: string; help: string; onExport: () => void; chart: ReactNode; table: ReactNode; empty: boolean }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  return (
    <section className="sv-card" aria-labelledby={titleId}>
      <header className="sv-card__head">
        <div className="sv-card__heading">
          <h2 id={titleId} className="sv-card__title" title={help}>
            {title}
          </h2>
          <p className="sv-card__subtitle">{subtitle}</p>
        </div>
        <div className="sv-card__actions">
          <button type="button" className="button button--ghost button--sm" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
            {asTable ? t('supervisor.reports.chart.chartView') : t('supervisor.reports.chart.tableView')}
          </button>
          <button type="button" className="button button--sm" onClick={onExport} aria-label={`${t('supervisor.reports.csv.export')}: ${title}`}>
            {t('supervisor.reports.csv.export')}
          </button>
        </div>
      </header>
      <div className="sv-card__body">{empty ? <p className="sv-card__empty">{t('supervisor.reports.chart.noData')}</p> : asTable ? table : chart}</div>
    </section>
  );
}
