import { z } from 'zod';
import { CivilDate, computeFromHistory, KPI_CATALOG, type KpiSummary, type KpiUnit } from '../../../shared/kpi';
import { kpiEn } from '../../../shared/i18n/kpi.en';
import { kpiPtBR } from '../../../shared/i18n/kpi.pt-BR';
import { MetricsService } from '../../domain/metrics/metrics.service';
import { SlaService } from '../../domain/sla/sla.service';
import { CliUsageError, parseCliArgs } from '../cli-args';
import type { CliContext, CliDeps } from './cli-context';

const DateFlag = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2026-10-31');
const SummaryFlagsSchema = z.object({ from: DateFlag, to: DateFlag, json: z.boolean().default(false), dataDir: z.string().optional() });
const RebuildFlagsSchema = z.object({ days: z.coerce.number().int().min(1).max(400).default(90), dataDir: z.string().optional() });

export const KPI_USAGE = 'npm run atende -- kpi summary --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--data-dir DIR]\n  npm run atende -- kpi rebuild [--days 90] [--data-dir DIR]';

/** The app's KPI engine: its zone, and business time from the SLA calendars (TME digital, TMR business). */
function cliMetrics({ store, clock, audit, config }: CliDeps): MetricsService {
  const sla = new SlaService(store, clock, audit);
  return new MetricsService(store, clock, { timeZone: config.timeZone, businessSeconds: (from, to, ticket) => sla.businessSeconds(from, to, ticket) });
}

/**
 * `kpi summary`: every KPI of KPIS.md for the period (`--to` inclusive), as a table in the
 * configured language or as JSON. `kpi rebuild`: recomputes the aggregates from raw history (what
 * the app does at start) and checks them against the reference computation of the last `--days`.
 */
export async function kpiCommand(args: string[], ctx: CliContext): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'summary') {
    const { flags } = parseCliArgs(rest, SummaryFlagsSchema, ['json']);
    if (flags.from > flags.to) throw new CliUsageError('--from must not be after --to');
    return ctx.withServices(flags.dataDir, async ({ store, clock, audit, config }) => {
      const metrics = cliMetrics({ store, clock, audit, config });
      metrics.rebuild();
      const to = CivilDate.addDays(flags.to, 1);
      const summary = metrics.summary(null, { from: flags.from, to });
      metrics.dispose();
      if (flags.json) ctx.out(JSON.stringify({ from: flags.from, to: flags.to, timeZone: config.timeZone, values: summary.values, summary }, null, 2));
      else ctx.out(formatSummary(summary, flags.from, flags.to, config.language, config.timeZone));
      return 0;
    });
  }
  if (sub === 'rebuild') {
    const { flags } = parseCliArgs(rest, RebuildFlagsSchema);
    return ctx.withServices(flags.dataDir, async ({ store, clock, audit, config }) => {
      const metrics = cliMetrics({ store, clock, audit, config });
      metrics.rebuild();
      const records = metrics.records();
      const asOf = clock.now().toISOString();
      const today = asOf.slice(0, 10);
      const period = { from: CivilDate.addDays(today, -flags.days), to: CivilDate.addDays(today, 1) };
      const t0 = performance.now();
      const reference = computeFromHistory(records, { kind: 'summary', ...period, asOf }, metrics.kpiOptions());
      const referenceMs = performance.now() - t0;
      const mismatches = KPI_CATALOG.filter(({ id }) => !close(metrics.summary(null, period).values[id], reference.values[id])).map((k) => k.id);
      metrics.dispose();
      ctx.out(`rebuilt KPI aggregates from ${records.tickets.length} tickets, ${records.interactions.length} interactions, ${records.surveys.length} surveys, ${records.agentSpans.length} agent periods in ${metrics.lastRebuildMs.toFixed(0)} ms`);
      ctx.out(`reference computation of ${period.from}..${today}: ${referenceMs.toFixed(0)} ms; ${mismatches.length === 0 ? 'every KPI matches' : `MISMATCH: ${mismatches.join(', ')}`}`);
      return mismatches.length === 0 ? 0 : 1;
    });
  }
  throw new CliUsageError(`usage: ${KPI_USAGE}`);
}

function close(a: number | null, b: number | null): boolean {
  return a === b || (a !== null && b !== null && Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(b)));
}

/** A plain-text table: KPI name, value with its unit (mm:ss for times, % for rates). */
function formatSummary(s: KpiSummary, from: string, to: string, language: 'pt-BR' | 'en', timeZone: string): string {
  const labels = language === 'en' ? kpiEn.kpi : kpiPtBR.kpi;
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const rows = KPI_CATALOG.map((k) => [labels[k.id], format(s.values[k.id], k.unit, number, language)] as const);
  const width = Math.max(...rows.map(([l]) => l.length));
  const header = `${from} → ${to} (${timeZone})`;
  return [header, '-'.repeat(header.length), ...rows.map(([l, v]) => `${l.padEnd(width)}  ${v}`)].join('\n');
}

function format(value: number | null, unit: KpiUnit, number: Intl.NumberFormat, language: string): string {
  if (value === null) return language === 'en' ? 'no data' : 'sem dados';
  if (unit === 'seconds') {
    const total = Math.round(value);
    const h = Math.floor(total / 3600);
    const mm = String(Math.floor((total % 3600) / 60)).padStart(2, '0');
    const ss = String(total % 60).padStart(2, '0');
    return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
  }
  if (unit === 'percent') return `${number.format(value)} %`;
  return number.format(value);
}
