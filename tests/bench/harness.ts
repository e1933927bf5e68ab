/** Shared helpers for benchmarks: each bench returns results; the runner prints JSON lines. */

export interface BenchResult {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  /** Upper bound the value must not exceed; absent for informational figures. */
  bound?: number;
  /** Extra context printed with the line (dataset sizes, samples...). */
  info?: Record<string, unknown>;
}

export type Bench = () => Promise<BenchResult[]>;

/** Percentile (nearest-rank) of durations in ms. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Times `fn` `n` times after `warmup` runs; returns durations in ms. */
export async function sample(n: number, fn: (i: number) => unknown, warmup = Math.min(20, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    out.push(performance.now() - t0);
  }
  return out;
}
