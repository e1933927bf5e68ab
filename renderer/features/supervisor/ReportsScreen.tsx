import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CivilDate, type BucketSize, type KpiId, type LocalDate } from '../../../shared/kpi';
import type { Channel } from '../../../shared/schemas/common';
import { hrefFor } from '../../app/hash-route';
import { replaceHref, useHashLocation } from '../../app/useHashRoute';
import { ChannelIcon } from '../../components/icons/ChannelIcon';
import { EmptyState } from '../../components/EmptyState';
import { FilterMenu, type FilterOption } from '../../components/FilterMenu';
import { AlertIcon } from '../../components/icons/UiIcons';
import { Spinner } from '../../components/Spinner';
import { errorMessageKey } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useLanguage } from '../../lib/useLanguage';
import { useSession } from '../auth/useSession';
import type { CsvSeparator } from './csv';
import { formatKpi, targetOperator, unitOf } from './kpi-format';
import { AgentsTable, type AgentRow } from './reports/AgentsTable';
import { periodLabel } from './reports/bucket-label';
import { ChartCard } from './reports/ChartCard';
import { toChartPoints, type ChartPoint } from './reports/chart-data';
import { DrilldownDialog, type DrillRequest } from './reports/DrilldownDialog';
import { RangePicker } from './reports/RangePicker';
import { exportAgents, exportSeries, exportVolume } from './reports/report-csv';
import { activeFilterCount, apiFilters, autoBucket, formatReportParams, parseReportParams, periodOf, type ReportParams } from './reports/report-params';
import { SlaChart, SLA_KPIS } from './reports/SlaChart';
import { SummaryTiles } from './reports/SummaryTiles';
import { TrendChart, TrendTable, type TrendSeries } from './reports/TrendChart';
import { useChartPalette } from './reports/useChartPalette';
import { VolumeChart, VolumeTable } from './reports/VolumeChart';
import { SupervisorHeader } from './SupervisorHeader';
import { TargetsDialog } from './TargetsDialog';
import { useCsvSeparator } from './useCsvSeparator';

const SERIES_KPIS = ['tma', 'fcr', 'csat', 'slaFirstResponse', 'slaResolution', 'serviceLevel', 'abandonment'] as const satisfies readonly KpiId[];
type DrillKpi = DrillRequest['kpi'];

/** Historical reports: period and filters (kept in the address), KPI charts with targets, drill-down, agents, CSV. */
export function ReportsScreen() {
  const { t } = useTranslation();
  const [language] = useLanguage();
  const trpc = useTRPC();
  const { user } = useSession();
  const palette = useChartPalette();
  const location = useHashLocation();
  const params = useMemo(() => parseReportParams(location.search), [location.search]);
  const setParams = (patch: Partial<ReportParams>) => {
    const search = formatReportParams({ ...params, ...patch });
    replaceHref(`${hrefFor('supervisor', 'reports')}${search ? `?${search}` : ''}`);
  };
  const [separator, setSeparator] = useCsvSeparator(language);
  const [drill, setDrill] = useState<DrillRequest | null>(null);
  const [editingTargets, setEditingTargets] = useState(false);

  const options = useQuery({ ...trpc.reports.options.queryOptions(), staleTime: 60_000 });
  const targets = useQuery({ ...trpc.wallboard.targets.queryOptions(), staleTime: 60_000 });
  const users = useQuery({ ...trpc.users.list.queryOptions(), staleTime: 5 * 60_000 });
  const today = options.data?.today ?? null;
  const period = today ? periodOf(params, today) : null;
  const bucket: BucketSize = params.bucket ?? (period ? autoBucket(period.from, period.to) : 'day');
  const filters = apiFilters(params);
  const input = period ? { ...period, ...(activeFilterCount(params) > 0 ? { filters } : {}) } : null;
  const live = { enabled: input !== null, placeholderData: keepPreviousData } as const;
  const fallback = { from: '2000-01-01', to: '2000-01-02' };
  const summary = useQuery({ ...trpc.metrics.summary.queryOptions(input ?? fallback), ...live });
  const series = useQuery({ ...trpc.metrics.series.queryOptions({ ...(input ?? fallback), bucket, kpis: [...SERIES_KPIS] }), ...live });
  const volume = useQuery({ ...trpc.reports.volume.queryOptions({ ...(input ?? fallback), bucket }), ...live });
  const agents = useQuery({ ...trpc.metrics.agents.queryOptions(input ?? fallback), ...live });

  const points: ChartPoint[] = useMemo(() => toChartPoints(series.data ?? [], volume.data ?? [], bucket, language), [series.data, volume.data, bucket, language]);
  const names = useMemo(() => new Map((users.data ?? []).map((u) => [u.id, u.displayName])), [users.data]);
  const agentRows: AgentRow[] = useMemo(() => (agents.data ?? []).map((r) => ({ ...r, name: names.get(r.agentId) ?? r.agentId })), [agents.data, names]);
  const targetValues = targets.data ?? {};

  const openDrill = (kpi: DrillKpi, point: ChartPoint, channel?: Channel | null) => {
    if (!period) return;
    const drillFilters = channel ? { ...filters, channels: [channel] } : filters;
    setDrill({ kpi, from: period.from, to: period.to, bucketKey: point.key, filters: drillFilters, label: channel ? `${point.longLabel} · ${t(`channel.${channel}`)}` : point.longLabel });
  };
  const trendDrill = (kpi: KpiId, point: ChartPoint) => openDrill(kpi as DrillKpi, point);

  const teamOptions: FilterOption[] = (options.data?.teams ?? []).map((x) => ({ value: x.id, label: x.name }));
  const agentOptions: FilterOption[] = (options.data?.agents ?? []).map((x) => ({ value: x.id, label: x.name }));
  const channelOptions: FilterOption[] = (options.data?.channels ?? []).map((c) => ({ value: c, label: t(`channel.${c}`), icon: <ChannelIcon channel={c} size={16} /> }));
  const queueOptions: FilterOption[] = (options.data?.queues ?? []).map((q) => ({ value: q, label: q }));
  const categoryOptions: FilterOption[] = (options.data?.categories ?? []).map((c) => ({ value: c, label: c }));

  const actions = (
    <>
      <label className="sv-separator">
        <span>{t('supervisor.reports.csv.separator')}</span>
        <select className="select select--sm" value={separator} onChange={(e) => setSeparator(e.target.value as CsvSeparator)}>
          <option value=";">{t('supervisor.reports.csv.semicolon')}</option>
          <option value=",">{t('supervisor.reports.csv.comma')}</option>
        </select>
      </label>
      {user.role === 'admin' ? (
        <button type="button" className="button" onClick={() => setEditingTargets(true)} disabled={!targets.data}>
          {t('supervisor.wallboard.targets')}
        </button>
      ) : null}
    </>
  );

  const error = options.error ?? summary.error ?? series.error ?? volume.error ?? agents.error;
  const loading = !period || !summary.data || !series.data || !volume.data || !agents.data;
  const shownFrom: LocalDate = period?.from ?? today ?? '';
  const shownTo: LocalDate = period ? CivilDate.addDays(period.to, -1) : (today ?? '');
  const trend = (kpi: KpiId, color: string): TrendSeries[] => [{ kpi, color, ...(targetValues[kpi] !== undefined ? { target: targetValues[kpi] } : {}) }];
  const serviceSeries: TrendSeries[] = [
    { kpi: 'serviceLevel', color: palette.primary, ...(targetValues.serviceLevel !== undefined ? { target: targetValues.serviceLevel } : {}) },
    { kpi: 'abandonment', color: palette.danger, ...(targetValues.abandonment !== undefined ? { target: targetValues.abandonment } : {}) },
  ];
  const hasValues = (kpis: readonly KpiId[]) => points.some((p) => kpis.some((k) => p.values[k] !== null && p.values[k] !== undefined));
  const exportPeriod = period ?? { from: shownFrom, to: shownTo };
  const subtitleOf = (kpi: KpiId) => {
    const unit = unitOf(kpi) === 'seconds' ? t('supervisor.reports.chart.unitTime') : t('supervisor.reports.chart.unitPercent');
    const target = targetValues[kpi];
    return target === undefined ? unit : t('supervisor.reports.chart.withTarget', { unit, op: targetOperator(kpi), value: formatKpi(kpi, target, language) });
  };

  return (
    <section className="screen sv-screen" aria-labelledby="screen-title">
      <SupervisorHeader view="reports" subtitle={t('supervisor.reports.subtitle')} actions={actions} />
      {today ? (
        <div className="sv-toolbar">
          <RangePicker
            preset={params.preset}
            from={params.preset === 'custom' ? (params.from ?? shownFrom) : shownFrom}
            to={params.preset === 'custom' ? (params.to ?? shownTo) : shownTo}
            bucket={bucket}
            today={today}
            invalid={params.preset === 'custom' && !period}
            onPreset={(preset) => setParams(preset === 'custom' ? { preset, from: shownFrom, to: shownTo } : { preset })}
            onCustom={(from, to) => setParams({ preset: 'custom', from, to })}
            onBucket={(b) => setParams({ bucket: b })}
          />
          <div className="sv-toolbar__filters" role="group" aria-label={t('supervisor.reports.filters')}>
            <FilterMenu label={t('supervisor.reports.filter.team')} options={teamOptions} selected={params.teamIds} onChange={(v) => setParams({ teamIds: v })} emptyLabel={t('supervisor.reports.filter.none')} />
            <FilterMenu label={t('supervisor.reports.filter.channel')} options={channelOptions} selected={params.channels} onChange={(v) => setParams({ channels: v as Channel[] })} />
            <FilterMenu label={t('supervisor.reports.filter.agent')} options={agentOptions} selected={params.agentIds} onChange={(v) => setParams({ agentIds: v })} emptyLabel={t('supervisor.reports.filter.none')} />
            <FilterMenu label={t('supervisor.reports.filter.queue')} options={queueOptions} selected={params.queues} onChange={(v) => setParams({ queues: v })} emptyLabel={t('supervisor.reports.filter.none')} />
            <FilterMenu label={t('supervisor.reports.filter.category')} options={categoryOptions} selected={params.categories} onChange={(v) => setParams({ categories: v })} emptyLabel={t('supervisor.reports.filter.none')} />
            {activeFilterCount(params) > 0 ? (
              <button type="button" className="button button--ghost button--sm" onClick={() => setParams({ teamIds: [], channels: [], agentIds: [], queues: [], categories: [] })}>
                {t('supervisor.reports.filter.clear')}
              </button>
            ) : null}
            {period ? (
              <span className="sv-toolbar__period" data-testid="report-period">
                {periodLabel(period.from, period.to, language)}
              </span>
            ) : null}
          </div>
          {params.preset === 'custom' && !period ? (
            <p className="alert alert--error" role="alert">
              {t('supervisor.reports.invalidRange')}
            </p>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <EmptyState icon={<AlertIcon size={28} />} title={t('supervisor.reports.errorTitle')} body={t(errorMessageKey(error))} tone="danger" role="alert" />
      ) : loading ? (
        period || !today ? (
          <div className="sv-loading" role="status">
            <Spinner /> {t('supervisor.reports.loading')}
          </div>
        ) : null
      ) : (
        <div className={`sv-reports${summary.isPlaceholderData ? ' sv-reports--updating' : ''}`} aria-busy={summary.isFetching || series.isFetching}>
          <SummaryTiles summary={summary.data} targets={targetValues} />
          <div className="sv-charts">
            <ChartCard
              title={t('supervisor.reports.chart.tma')}
              subtitle={subtitleOf('tma')}
              help={t('kpiHelp.tma')}
              empty={!hasValues(['tma'])}
              onExport={() => exportSeries('tma', ['tma'], points, targetValues, separator, t, exportPeriod)}
              chart={<TrendChart points={points} series={trend('tma', palette.primary)} palette={palette} onDrill={trendDrill} />}
              table={<TrendTable points={points} series={trend('tma', palette.primary)} onDrill={trendDrill} />}
            />
            <ChartCard
              title={t('supervisor.reports.chart.fcr')}
              subtitle={subtitleOf('fcr')}
              help={t('kpiHelp.fcr')}
              empty={!hasValues(['fcr'])}
              onExport={() => exportSeries('fcr', ['fcr'], points, targetValues, separator, t, exportPeriod)}
              chart={<TrendChart points={points} series={trend('fcr', palette.success)} palette={palette} onDrill={trendDrill} />}
              table={<TrendTable points={points} series={trend('fcr', palette.success)} onDrill={trendDrill} />}
            />
            <ChartCard
              title={t('supervisor.reports.chart.csat')}
              subtitle={subtitleOf('csat')}
              help={t('kpiHelp.csat')}
              empty={!hasValues(['csat'])}
              onExport={() => exportSeries('csat', ['csat'], points, targetValues, separator, t, exportPeriod)}
              chart={<TrendChart points={points} series={trend('csat', palette.violet)} palette={palette} onDrill={trendDrill} />}
              table={<TrendTable points={points} series={trend('csat', palette.violet)} onDrill={trendDrill} />}
            />
            <ChartCard
              title={t('supervisor.reports.chart.volume')}
              subtitle={t('supervisor.reports.chart.unitVolume')}
              help={t('kpiHelp.volume')}
              empty={points.every((p) => p.volumeTotal === 0)}
              onExport={() => exportVolume(points, separator, t, exportPeriod)}
              chart={<VolumeChart points={points} palette={palette} onDrill={(p, c) => openDrill('volume', p, c)} />}
              table={<VolumeTable points={points} onDrill={(p, c) => openDrill('volume', p, c)} />}
            />
            <ChartCard
              title={t('supervisor.reports.chart.sla')}
              subtitle={subtitleOf('slaFirstResponse')}
              help={`${t('kpiHelp.slaFirstResponse')} ${t('kpiHelp.slaResolution')}`}
              empty={!hasValues(SLA_KPIS)}
              onExport={() => exportSeries('sla', SLA_KPIS, points, targetValues, separator, t, exportPeriod)}
              chart={<SlaChart points={points} palette={palette} targets={targetValues} onDrill={(k, p) => openDrill(k, p)} />}
              table={<TrendTable points={points} series={SLA_KPIS.map((k) => ({ kpi: k, color: palette.primary }))} onDrill={trendDrill} />}
            />
            <ChartCard
              title={t('supervisor.reports.chart.serviceLevel')}
              subtitle={t('supervisor.reports.chart.unitPercent')}
              help={`${t('kpiHelp.serviceLevel')} ${t('kpiHelp.abandonment')}`}
              empty={!hasValues(['serviceLevel', 'abandonment'])}
              onExport={() => exportSeries('nivel-de-servico', ['serviceLevel', 'abandonment'], points, targetValues, separator, t, exportPeriod)}
              chart={<TrendChart points={points} series={serviceSeries} palette={palette} onDrill={trendDrill} />}
              table={<TrendTable points={points} series={serviceSeries} onDrill={trendDrill} />}
            />
          </div>
          <section className="sv-card" aria-labelledby="sv-agents-table-title">
            <header className="sv-card__head">
              <div className="sv-card__heading">
                <h2 id="sv-agents-table-title" className="sv-card__title">
                  {t('supervisor.reports.agentsTable.title')}
                </h2>
                <p className="sv-card__subtitle">{period ? periodLabel(period.from, period.to, language) : null}</p>
              </div>
              <div className="sv-card__actions">
                <button type="button" className="button button--sm" disabled={agentRows.length === 0} onClick={() => exportAgents(agentRows, separator, t, exportPeriod)} aria-label={`${t('supervisor.reports.csv.export')}: ${t('supervisor.reports.agentsTable.title')}`}>
                  {t('supervisor.reports.csv.export')}
                </button>
              </div>
            </header>
            <AgentsTable
              rows={agentRows}
              onDrill={(row) => period && setDrill({ kpi: 'tma', from: period.from, to: period.to, filters: { ...filters, agentIds: [row.agentId] }, label: row.name })}
            />
          </section>
        </div>
      )}
      {drill && options.data ? <DrilldownDialog request={drill} separator={separator} timeZone={options.data.timeZone} onClose={() => setDrill(null)} /> : null}
      {editingTargets && targets.data ? <TargetsDialog targets={targets.data} onClose={() => setEditingTargets(false)} /> : null}
    </section>
  );
}
