import type { TFunction } from 'i18next';
import type { KpiId, LocalDate } from '../../../../shared/kpi';
import { CHANNELS } from '../../../../shared/schemas/common';
import type { RouterOutputs } from '../../../lib/trpc';
import { csvFileName, downloadCsv, toCsv, type CsvCell, type CsvSeparator } from '../csv';
import { unitOf } from '../kpi-format';
import type { AgentRow } from './AgentsTable';
import type { ChartPoint } from './chart-data';

type DrillRow = RouterOutputs['reports']['drilldown']['rows'][number];

/** Dates the way the spreadsheet's locale reads them: 12/11/2026 with `;` (pt-BR), 2026-11-12 with `,`. */
export function csvDate(date: LocalDate, separator: CsvSeparator): string {
  return separator === ';' ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : date;
}

function csvDateTime(iso: string, separator: CsvSeparator, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  return `${csvDate(date, separator)} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** Column title with its unit: "TMA (s)", "FCR (%)". Times go out in seconds: Excel reads "6:00" as a time of day. */
export function kpiColumn(kpi: KpiId, t: TFunction): string {
  const unit = unitOf(kpi);
  return `${t(`kpi.${kpi}`)}${unit === 'seconds' ? ' (s)' : unit === 'percent' ? ' (%)' : ''}`;
}

const lastDay = (to: LocalDate) => new Date(Date.parse(`${to}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** One KPI series (or several) per bucket, with the targets. */
export function exportSeries(name: string, kpis: readonly KpiId[], points: readonly ChartPoint[], targets: Partial<Record<KpiId, number>>, separator: CsvSeparator, t: TFunction, period: { from: LocalDate; to: LocalDate }): void {
  const header = [t('supervisor.reports.csv.date'), t('supervisor.reports.csv.period'), ...kpis.map((k) => kpiColumn(k, t)), ...kpis.filter((k) => targets[k] !== undefined).map((k) => `${t('supervisor.reports.chart.target')} ${kpiColumn(k, t)}`)];
  const rows: CsvCell[][] = points.map((p) => [
    csvDate(p.from, separator),
    p.longLabel,
    ...kpis.map((k) => p.values[k] ?? null),
    ...kpis.filter((k) => targets[k] !== undefined).map((k) => targets[k] ?? null),
  ]);
  downloadCsv(csvFileName(name, period.from, lastDay(period.to)), toCsv(header, rows, separator));
}

export function exportVolume(points: readonly ChartPoint[], separator: CsvSeparator, t: TFunction, period: { from: LocalDate; to: LocalDate }): void {
  const header = [t('supervisor.reports.csv.date'), t('supervisor.reports.csv.period'), ...CHANNELS.map((c) => t(`channel.${c}`)), t('kpi.volume')];
  const rows: CsvCell[][] = points.map((p) => [csvDate(p.from, separator), p.longLabel, ...CHANNELS.map((c) => p.volume[c]), p.volumeTotal]);
  downloadCsv(csvFileName('volume', period.from, lastDay(period.to)), toCsv(header, rows, separator));
}

export function exportAgents(rows: readonly AgentRow[], separator: CsvSeparator, t: TFunction, period: { from: LocalDate; to: LocalDate }): void {
  const header = [t('supervisor.reports.agentsTable.agent'), t('supervisor.reports.agentsTable.handled'), kpiColumn('tma', t), kpiColumn('fcr', t), kpiColumn('csat', t), kpiColumn('occupancy', t)];
  downloadCsv(csvFileName('agentes', period.from, lastDay(period.to)), toCsv(header, rows.map((r) => [r.name, r.handled, r.tma, r.fcr, r.csat, r.occupancy]), separator));
}

/** A drill-down row's value is a time (handle, wait, resolution) for these KPIs; a score for surveys. */
export function drillValueInSeconds(kpi: KpiId): boolean {
  return unitOf(kpi) === 'seconds' || kpi === 'serviceLevel' || kpi === 'abandonment';
}

export function exportDrill(kpi: KpiId, rows: readonly DrillRow[], separator: CsvSeparator, t: TFunction, timeZone: string, label: string): void {
  const c = (k: keyof ReturnType<typeof columns>) => columns(t)[k];
  const header = [c('at'), c('kind'), c('ticket'), c('subject'), c('channel'), c('customer'), c('agent'), `${c('value')}${drillValueInSeconds(kpi) ? ' (s)' : ''}`, c('outcome')];
  const body: CsvCell[][] = rows.map((r) => [
    csvDateTime(r.at, separator, timeZone),
    t(`supervisor.drill.kind.${r.kind}`),
    r.ticketNumber === null ? null : `#${r.ticketNumber}`,
    r.subject,
    r.channel ? t(`channel.${r.channel}`) : null,
    r.customerName,
    r.agentName,
    r.value,
    r.outcome ? t(`supervisor.drill.outcome.${r.outcome}`) : null,
  ]);
  downloadCsv(csvFileName(`${kpi}-${label}`), toCsv(header, body, separator));
}

function columns(t: TFunction) {
  return {
    at: t('supervisor.drill.columns.at'),
    kind: t('supervisor.drill.columns.kind'),
    ticket: t('supervisor.drill.columns.ticket'),
    subject: t('supervisor.drill.columns.subject'),
    channel: t('supervisor.drill.columns.channel'),
    customer: t('supervisor.drill.columns.customer'),
    agent: t('supervisor.drill.columns.agent'),
    value: t('supervisor.drill.columns.value'),
    outcome: t('supervisor.drill.columns.outcome'),
  };
}
