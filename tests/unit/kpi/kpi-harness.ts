import { expect } from 'vitest';
import { KpiAggregator, computeFromHistory, createRecordFacts, type KpiOptions, type KpiPeriodQuery, type KpiRecords, type KpiSeriesQuery } from '../../../shared/kpi';
import { KpiSimStore, updatesOf, type KpiUpdate } from '../../fixtures/kpi-sim-store';

/** The three ways to the same figures: incremental aggregates, rebuilt aggregates, raw history. */
export interface KpiEngines {
  incremental: KpiAggregator;
  rebuilt: KpiAggregator;
  records: KpiRecords;
  options: KpiOptions;
}

/** Feeds `updates` one by one through a simulated store (incremental) and rebuilds from the final state. */
export function engines(updates: readonly KpiUpdate[], agents: KpiRecords['agents'], options: KpiOptions = {}): KpiEngines {
  const store = new KpiSimStore(agents);
  const incremental = new KpiAggregator(store, options);
  for (const u of updates) store.write(u, incremental);
  const records = store.records();
  const rebuilt = new KpiAggregator(createRecordFacts(records), options);
  rebuilt.rebuild(records);
  return { incremental, rebuilt, records, options };
}

/** Engines over a whole history applied in the given order (default: as listed). */
export function enginesOf(records: KpiRecords, options: KpiOptions = {}, order: (u: KpiUpdate[]) => KpiUpdate[] = (u) => u): KpiEngines {
  return engines(order(updatesOf(records)), records.agents, options);
}

/** Deep equality with a relative float tolerance (sums are added in different orders). */
export function expectClose(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tolerance = 1e-7 * Math.max(1, Math.abs(expected));
    if (Math.abs(actual - expected) > tolerance) expect.fail(`${path}: ${actual} ≠ ${expected}`);
    return;
  }
  if (expected === null || typeof expected !== 'object' || actual === null || typeof actual !== 'object') {
    expect(actual, path).toEqual(expected);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${path}[${i}]`));
    return;
  }
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  expect(Object.keys(a).sort(), `${path} keys`).toEqual(Object.keys(e).sort());
  for (const key of Object.keys(e)) expectClose(a[key], e[key], `${path}.${key}`);
}

/** Asserts the three engines agree on a summary, the agents table and day/week/month series. */
export function expectEnginesAgree(x: KpiEngines, q: KpiPeriodQuery): void {
  const reference = computeFromHistory(x.records, { kind: 'summary', ...q }, x.options);
  expectClose(x.incremental.summary(q), reference, 'incremental.summary');
  expectClose(x.rebuilt.summary(q), reference, 'rebuilt.summary');
  const agents = computeFromHistory(x.records, { kind: 'agents', ...q }, x.options);
  expectClose(x.incremental.agents(q), agents, 'incremental.agents');
  expectClose(x.rebuilt.agents(q), agents, 'rebuilt.agents');
  for (const bucket of ['day', 'week', 'month'] as const) {
    const sq: KpiSeriesQuery = { ...q, bucket };
    const series = computeFromHistory(x.records, { kind: 'series', ...sq }, x.options);
    expectClose(x.incremental.series(sq), series, `incremental.series.${bucket}`);
    expectClose(x.rebuilt.series(sq), series, `rebuilt.series.${bucket}`);
  }
}

/** Business hours of the tests' SLA calendar: 12:00–21:00Z (09:00–18:00 in São Paulo) every day. */
export function businessHours(fromIso: string, toIso: string): number {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  let total = 0;
  for (let day = Math.floor(from / 86_400_000) * 86_400_000; day < to; day += 86_400_000) {
    const open = Math.max(from, day + 12 * 3_600_000);
    const close = Math.min(to, day + 21 * 3_600_000);
    if (close > open) total += (close - open) / 1000;
  }
  return total;
}
