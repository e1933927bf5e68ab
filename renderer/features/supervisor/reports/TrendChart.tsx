import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { KpiId } from '../../../../shared/kpi';
import { useLanguage } from '../../../lib/useLanguage';
import { formatAxis, formatKpi, targetOperator } from '../kpi-format';
import { niceTicks, type ChartPoint } from './chart-data';
import { ChartTooltip } from './ChartTooltip';
import type { ChartPalette } from './useChartPalette';

export interface TrendSeries {
  kpi: KpiId;
  color: string;
  target?: number;
}

const valueOf = (p: ChartPoint, kpi: KpiId) => p.values[kpi] ?? null;

/**
 * KPIs over time as lines, with a dashed line at each target; the axis in the KPI's unit (m:ss,
 * %). Clicking a bucket opens the records behind the first series' point there.
 */
export function TrendChart({ points, series, palette, onDrill, height = 240 }: { points: ChartPoint[]; series: TrendSeries[]; palette: ChartPalette; onDrill: (kpi: KpiId, point: ChartPoint) => void; height?: number }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const first = series[0];
  if (!first) return null;
  const { domain, ticks } = niceTicks(
    first.kpi,
    series.flatMap((s) => points.map((p) => valueOf(p, s.kpi))),
    series.map((s) => s.target).filter((v): v is number => v !== undefined).reduce<number | undefined>((a, b) => (a === undefined ? b : Math.max(a, b)), undefined),
  );
  const axisTick = { fill: palette['text-3'], fontSize: 12 };
  return (
    <div className="sv-chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={points}
          margin={{ top: 12, right: 96, bottom: 4, left: 4 }}
          onClick={(state) => {
            const index = Number(state?.activeTooltipIndex);
            const point = Number.isInteger(index) ? points[index] : undefined;
            if (point) onDrill(first.kpi, point);
          }}
          className="sv-chart--clickable"
        >
          <CartesianGrid stroke={palette.border} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: palette['border-strong'] }} minTickGap={12} interval="preserveStartEnd" />
          <YAxis domain={domain} ticks={ticks} tickFormatter={(v: number) => formatAxis(first.kpi, v, language)} tick={axisTick} tickLine={false} axisLine={false} width={52} allowDataOverflow={false} />
          <Tooltip
            cursor={{ stroke: palette['border-strong'], strokeDasharray: '3 3' }}
            content={({ active, payload }) => {
              const point = active ? (payload?.[0]?.payload as ChartPoint | undefined) : undefined;
              return (
                <ChartTooltip
                  point={point}
                  rows={series.map((s) => ({ name: t(`kpi.${s.kpi}`), value: point ? formatKpi(s.kpi, valueOf(point, s.kpi), language) : '', color: s.color }))}
                  notes={series.filter((s) => s.target !== undefined).map((s) => `${t('supervisor.reports.chart.target')} ${t(`kpi.${s.kpi}`)}: ${targetOperator(s.kpi)} ${formatKpi(s.kpi, s.target, language)}`)}
                  hint={t('supervisor.reports.chart.drillHint')}
                />
              );
            }}
          />
          {series.length > 1 ? <Legend verticalAlign="bottom" height={28} iconType="plainline" formatter={(value: string) => <span className="sv-legend">{value}</span>} /> : null}
          {series.map((s) =>
            s.target === undefined ? null : (
              <ReferenceLine
                key={`target-${s.kpi}`}
                y={s.target}
                stroke={series.length > 1 ? s.color : palette.warning}
                strokeDasharray="6 4"
                strokeWidth={1.5}
                ifOverflow="extendDomain"
                label={{ value: `${t('supervisor.reports.chart.target')} ${formatKpi(s.kpi, s.target, language)}`, position: 'right', fill: series.length > 1 ? s.color : palette.warning, fontSize: 12, fontWeight: 600 }}
              />
            ),
          )}
          {series.map((s) => (
            <Line
              key={s.kpi}
              type="monotone"
              name={t(`kpi.${s.kpi}`)}
              dataKey={(p: ChartPoint) => valueOf(p, s.kpi)}
              stroke={s.color}
              strokeWidth={2.25}
              dot={{ r: points.length > 45 ? 0 : 3, fill: s.color, strokeWidth: 0 }}
              activeDot={{ r: 6, stroke: palette.surface, strokeWidth: 2 }}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The same points as a table, each row with a drill-down button. */
export function TrendTable({ points, series, onDrill }: { points: ChartPoint[]; series: TrendSeries[]; onDrill: (kpi: KpiId, point: ChartPoint) => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const first = series[0];
  return (
    <div className="sv-table-scroll">
      <table className="data-table sv-table">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.reports.csv.period')}</th>
            {series.map((s) => (
              <th key={s.kpi} scope="col" className="num">
                {t(`kpi.${s.kpi}`)}
              </th>
            ))}
            <th scope="col">
              <span className="visually-hidden">{t('supervisor.drill.tableLabel')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.key}>
              <th scope="row" className="sv-table__rowhead">
                {p.longLabel}
              </th>
              {series.map((s) => (
                <td key={s.kpi} className="num">
                  {formatKpi(s.kpi, valueOf(p, s.kpi), language)}
                </td>
              ))}
              <td className="sv-table__action">
                {first ? (
                  <button type="button" className="button button--ghost button--xs" onClick={() => onDrill(first.kpi, p)} aria-label={t('supervisor.reports.chart.open', { label: `${t(`kpi.${first.kpi}`)} ${p.longLabel}` })}>
                    {t('supervisor.reports.chart.details')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
