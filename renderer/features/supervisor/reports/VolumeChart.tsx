import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { CHANNELS, type Channel } from '../../../../shared/schemas/common';
import { useLanguage } from '../../../lib/useLanguage';
import { formatCount } from '../kpi-format';
import { niceTicks, type ChartPoint } from './chart-data';
import { ChartTooltip } from './ChartTooltip';
import type { ChartPalette } from './useChartPalette';

/** Contacts created per bucket, stacked by channel. Clicking a segment lists that channel's tickets. */
export function VolumeChart({ points, palette, onDrill, height = 260 }: { points: ChartPoint[]; palette: ChartPalette; onDrill: (point: ChartPoint, channel: Channel | null) => void; height?: number }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const used = CHANNELS.filter((c) => points.some((p) => p.volume[c] > 0));
  const { domain, ticks } = niceTicks('volume', points.map((p) => p.volumeTotal));
  const axisTick = { fill: palette['text-3'], fontSize: 12 };
  return (
    <div className="sv-chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 12, right: 16, bottom: 4, left: 4 }} className="sv-chart--clickable">
          <CartesianGrid stroke={palette.border} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: palette['border-strong'] }} minTickGap={12} interval="preserveStartEnd" />
          <YAxis domain={domain} ticks={ticks} tickFormatter={(v: number) => formatCount(v, language)} tick={axisTick} tickLine={false} axisLine={false} width={52} />
          <Tooltip
            cursor={{ fill: palette['surface-2'] }}
            content={({ active, payload }) => {
              const point = active ? (payload?.[0]?.payload as ChartPoint | undefined) : undefined;
              return (
                <ChartTooltip
                  point={point}
                  rows={[...used].reverse().map((c) => ({ name: t(`channel.${c}`), value: point ? formatCount(point.volume[c], language) : '', color: palette.channel[c] }))}
                  notes={point ? [`${t('kpi.volume')}: ${formatCount(point.volumeTotal, language)}`] : []}
                  hint={t('supervisor.reports.chart.drillHint')}
                />
              );
            }}
          />
          <Legend verticalAlign="bottom" height={28} iconType="square" iconSize={10} formatter={(value: string) => <span className="sv-legend">{value}</span>} />
          {used.map((c, i) => (
            <Bar
              key={c}
              name={t(`channel.${c}`)}
              dataKey={(p: ChartPoint) => p.volume[c]}
              stackId="volume"
              fill={palette.channel[c]}
              maxBarSize={36}
              radius={i === used.length - 1 ? [3, 3, 0, 0] : 0}
              isAnimationActive={false}
              onClick={(_data, index) => {
                const point = points[index];
                if (point) onDrill(point, c);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Volume as a table: a row per bucket, a column per channel and the total. */
export function VolumeTable({ points, onDrill }: { points: ChartPoint[]; onDrill: (point: ChartPoint, channel: Channel | null) => void }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  return (
    <div className="sv-table-scroll">
      <table className="data-table sv-table">
        <thead>
          <tr>
            <th scope="col">{t('supervisor.reports.csv.period')}</th>
            {CHANNELS.map((c) => (
              <th key={c} scope="col" className="num">
                {t(`channel.${c}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('kpi.volume')}
            </th>
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
              {CHANNELS.map((c) => (
                <td key={c} className="num">
                  {formatCount(p.volume[c], language)}
                </td>
              ))}
              <td className="num sv-table__strong">{formatCount(p.volumeTotal, language)}</td>
              <td className="sv-table__action">
                <button type="button" className="button button--ghost button--xs" onClick={() => onDrill(p, null)} aria-label={t('supervisor.reports.chart.open', { label: `${t('kpi.volume')} ${p.longLabel}` })}>
                  {t('supervisor.reports.chart.details')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
