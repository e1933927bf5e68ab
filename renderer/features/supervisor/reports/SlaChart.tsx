import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useLanguage } from '../../../lib/useLanguage';
import { formatAxis, formatKpi } from '../kpi-format';
import type { ChartPoint } from './chart-data';
import { ChartTooltip } from './ChartTooltip';
import type { ChartPalette } from './useChartPalette';

export const SLA_KPIS = ['slaFirstResponse', 'slaResolution'] as const;
export type SlaKpi = (typeof SLA_KPIS)[number];

/** SLA attainment per bucket: first response and resolution side by side, the target dashed. */
export function SlaChart({ points, palette, targets, onDrill, height = 260 }: { points: ChartPoint[]; palette: ChartPalette; targets: Partial<Record<SlaKpi, number>>; onDrill: (kpi: SlaKpi, point: ChartPoint) => void; height?: number }) {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const colors: Record<SlaKpi, string> = { slaFirstResponse: palette.primary, slaResolution: palette.violet };
  // Bars start at zero: a cut axis would make small differences look large.
  const domain: [number, number] = [0, 100];
  const ticks = [0, 20, 40, 60, 80, 100];
  const axisTick = { fill: palette['text-3'], fontSize: 12 };
  const sameTarget = targets.slaFirstResponse === targets.slaResolution;
  return (
    <div className="sv-chart" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={points} margin={{ top: 12, right: 96, bottom: 4, left: 4 }} barGap={2} className="sv-chart--clickable">
          <CartesianGrid stroke={palette.border} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axisTick} tickLine={false} axisLine={{ stroke: palette['border-strong'] }} minTickGap={12} interval="preserveStartEnd" />
          <YAxis domain={domain} ticks={ticks} tickFormatter={(v: number) => formatAxis('slaFirstResponse', v, language)} tick={axisTick} tickLine={false} axisLine={false} width={52} />
          <Tooltip
            cursor={{ fill: palette['surface-2'] }}
            content={({ active, payload }) => {
              const point = active ? (payload?.[0]?.payload as ChartPoint | undefined) : undefined;
              return (
                <ChartTooltip
                  point={point}
                  rows={SLA_KPIS.map((k) => ({ name: t(`kpi.${k}`), value: point ? formatKpi(k, point.values[k] ?? null, language) : '', color: colors[k] }))}
                  notes={SLA_KPIS.filter((k) => targets[k] !== undefined).map((k) => `${t('supervisor.reports.chart.target')} ${t(`kpi.${k}`)}: ≥ ${formatKpi(k, targets[k], language)}`)}
                  hint={t('supervisor.reports.chart.drillHint')}
                />
              );
            }}
          />
          <Legend verticalAlign="bottom" height={28} iconType="square" iconSize={10} formatter={(value: string) => <span className="sv-legend">{value}</span>} />
          {SLA_KPIS.map((k) =>
            targets[k] === undefined || (sameTarget && k === 'slaResolution') ? null : (
              <ReferenceLine
                key={`target-${k}`}
                y={targets[k]}
                stroke={sameTarget ? palette.warning : colors[k]}
                strokeDasharray="6 4"
                strokeWidth={1.5}
                ifOverflow="extendDomain"
                label={{ value: `${t('supervisor.reports.chart.target')} ${formatKpi(k, targets[k], language)}`, position: 'right', fill: sameTarget ? palette.warning : colors[k], fontSize: 12, fontWeight: 600 }}
              />
            ),
          )}
          {SLA_KPIS.map((k) => (
            <Bar
              key={k}
              name={t(`kpi.${k}`)}
              dataKey={(p: ChartPoint) => p.values[k] ?? null}
              fill={colors[k]}
              maxBarSize={18}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
              onClick={(_data, index) => {
                const point = points[index];
                if (point) onDrill(k, point);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
