import { useTranslation } from 'react-i18next';
import type { BucketSize, LocalDate } from '../../../../shared/kpi';
import { CivilDate } from '../../../../shared/kpi';
import { PRESETS, type RangePreset } from './report-params';

/** Period presets (today, 7 days, 30 days, this month, custom), the custom dates, and the grouping. */
export function RangePicker({
  preset,
  from,
  to,
  bucket,
  today,
  invalid,
  onPreset,
  onCustom,
  onBucket,
}: {
  preset: RangePreset;
  /** Inclusive dates of the period shown. */
  from: LocalDate;
  to: LocalDate;
  bucket: BucketSize;
  today: LocalDate;
  invalid: boolean;
  onPreset: (preset: RangePreset) => void;
  onCustom: (from: LocalDate, to: LocalDate) => void;
  onBucket: (bucket: BucketSize) => void;
}) {
  const { t } = useTranslation();
  const setDate = (which: 'from' | 'to', value: string) => {
    if (!CivilDate.isValid(value)) return;
    onCustom(which === 'from' ? value : from, which === 'to' ? value : to);
  };
  return (
    <div className="sv-range">
      <div className="segmented sv-segmented" role="group" aria-label={t('supervisor.reports.range')}>
        {PRESETS.map((p) => (
          <button key={p} type="button" className="segmented__item" aria-pressed={preset === p} onClick={() => onPreset(p)}>
            {t(`supervisor.reports.presets.${p}`)}
          </button>
        ))}
      </div>
      {preset === 'custom' ? (
        <div className="sv-range__dates">
          <label className="sv-range__date">
            <span>{t('supervisor.reports.from')}</span>
            <input type="date" className="input input--sm" value={from} max={today} onChange={(e) => setDate('from', e.target.value)} aria-invalid={invalid || undefined} />
          </label>
          <label className="sv-range__date">
            <span>{t('supervisor.reports.to')}</span>
            <input type="date" className="input input--sm" value={to} max={today} onChange={(e) => setDate('to', e.target.value)} aria-invalid={invalid || undefined} />
          </label>
        </div>
      ) : null}
      <div className="segmented sv-segmented" role="group" aria-label={t('supervisor.reports.bucket')}>
        {(['day', 'week', 'month'] as const).map((b) => (
          <button key={b} type="button" className="segmented__item" aria-pressed={bucket === b} onClick={() => onBucket(b)}>
            {t(`supervisor.reports.buckets.${b}`)}
          </button>
        ))}
      </div>
    </div>
  );
}
