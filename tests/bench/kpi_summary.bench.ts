/**
 * KPIs at 1M interactions over 90 days: a period summary plus a 90-day daily series of 5 KPIs from
 * the incremental aggregates (what `metrics.summary` / `metrics.series` serve), against the
 * baseline of computing the same from raw history, and the start-up build: its time and how long it
 * holds the event loop at a time (it runs in slices in the background).
 *
 * Two workloads, both bounded: a live floor (a ticket is solved before every query, so today's
 * cached sums are always stale: what a wallboard refreshing on each write sees) and cold filter
 * sets (every query scoped to teams/agents/channels not asked before: nothing cached for it).
 */
import { computeFromHistory, CivilDate, type KpiFilters } from '../../shared/kpi';
import { ManualClock } from '../../main/domain/shared/clock';
import { MetricsService } from '../../main/domain/metrics/metrics.service';
import { BENCH_NOW, benchFloor } from './bench-floor';
import { percentile, round, sample, type BenchResult } from './harness';

const TICKETS = 215_000;
const QUERIES = 100;
const KPIS = ['tma', 'fcr', 'csat', 'serviceLevel', 'volume'] as const;

export default async function kpiSummaryBench(): Promise<BenchResult[]> {
  const { store, dispose } = await benchFloor({ customers: 100_000, tickets: TICKETS, days: 90 });
  try {
    const metrics = new MetricsService(store, new ManualClock(BENCH_NOW), { timeZone: 'America/Sao_Paulo' });
    // Built in the background as at start-up: how long, and how long the event loop was held at a
    // time (a 5 ms timer's lateness: what a request arriving meanwhile waits at worst).
    const lags: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      lags.push(Math.max(0, now - last - 5));
      last = now;
    }, 5);
    const warmUpMs = (await metrics.warmUp()) ?? Number.NaN;
    clearInterval(timer);
    const to = CivilDate.addDays(BENCH_NOW.toISOString().slice(0, 10), 1);
    const from = CivilDate.addDays(to, -90);
    const query = (filters?: KpiFilters): void => {
      metrics.summary(null, { from, to, ...(filters ? { filters } : {}) });
      metrics.series(null, { from, to, bucket: 'day', kpis: KPIS, ...(filters ? { filters } : {}) });
    };
    for (let i = 0; i < 20; i++) query();

    // Live floor: one solve written (not timed) before each timed query.
    const open = [...store.tickets.values()].filter((t) => t.status === 'open' || t.status === 'new').slice(0, QUERIES);
    const durations: number[] = [];
    for (const [i, ticket] of open.entries()) {
      const at = new Date(BENCH_NOW.getTime() + i * 1000).toISOString();
      await store.write((tx) => tx.put('tickets', { ...ticket, status: 'solved', solvedAt: at, updatedAt: at }, ticket.version));
      const t0 = performance.now();
      query();
      durations.push(performance.now() - t0);
    }

    // Cold: a filter set never asked before on every query.
    const teams = [...store.teams.values()].map((t) => t.id);
    const agents = [...store.users.values()].filter((u) => u.role === 'agent').map((u) => u.id);
    const channels = ['phone', 'email', 'chat', 'whatsapp', 'social', 'web'] as const;
    const cold = await sample(
      QUERIES,
      (i) => {
        const filters: KpiFilters =
          i % 3 === 0
            ? { agentIds: agents.slice(i % agents.length, (i % agents.length) + 1 + (i % 4)), channels: [channels[i % 6] ?? 'phone'] }
            : i % 3 === 1
              ? { teamIds: teams.slice(0, 1 + (i % teams.length)), channels: channels.slice(0, 1 + (i % 6)) }
              : { teamIds: [teams[i % teams.length] ?? ''], agentIds: agents.slice(0, 1 + (i % agents.length)) };
        query(filters);
      },
      0,
    );
    const records = metrics.records();
    const t0 = performance.now();
    computeFromHistory(records, { kind: 'summary', from, to, asOf: BENCH_NOW.toISOString() }, { timeZone: 'America/Sao_Paulo' });
    computeFromHistory(records, { kind: 'series', from, to, bucket: 'day', kpis: KPIS, asOf: BENCH_NOW.toISOString() }, { timeZone: 'America/Sao_Paulo' });
    const rawMs = performance.now() - t0;
    const info = { interactions: records.interactions.length, tickets: records.tickets.length, surveys: records.surveys.length, agentSpans: records.agentSpans.length, days: 90, queries: QUERIES };
    metrics.dispose();
    return [
      { bench: 'kpi_summary', metric: 'summary_and_series_p50', value: round(percentile(durations, 50)), unit: 'ms', info: { ...info, workload: 'live floor: a solve before each query' } },
      { bench: 'kpi_summary', metric: 'summary_and_series_p99', value: round(percentile(durations, 99)), unit: 'ms', bound: 150, info: { ...info, workload: 'live floor: a solve before each query' } },
      { bench: 'kpi_summary', metric: 'cold_filters_p50', value: round(percentile(cold, 50)), unit: 'ms', info: { ...info, workload: 'a filter set not asked before on every query' } },
      { bench: 'kpi_summary', metric: 'cold_filters_p99', value: round(percentile(cold, 99)), unit: 'ms', bound: 150, info: { ...info, workload: 'a filter set not asked before on every query' } },
      { bench: 'kpi_summary', metric: 'raw_history_recompute', value: round(rawMs, 1), unit: 'ms', info: { what: 'same summary + series computed from raw records (baseline)' } },
      { bench: 'kpi_summary', metric: 'startup_build', value: round(warmUpMs, 1), unit: 'ms', info: { what: 'aggregates built from history in the background after the core opens' } },
      { bench: 'kpi_summary', metric: 'startup_build_event_loop_lag_p99', value: round(percentile(lags, 99)), unit: 'ms', bound: 50, info: { what: 'lateness of a 5 ms timer during the background build', ticks: lags.length } },
      { bench: 'kpi_summary', metric: 'startup_build_event_loop_lag_max', value: round(Math.max(...lags)), unit: 'ms', info: { what: 'worst lateness of a 5 ms timer during the background build (includes GC pauses)' } },
    ];
  } finally {
    await dispose();
  }
}
