/**
 * `npm run bench [-- name ...]`: runs the named benchmarks (all when none), prints one JSON line
 * per result and exits 1 when any result exceeds its bound.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench, BenchResult } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.replace(/\.bench\.ts$/, ''))
  .sort();
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = requested.length > 0 ? requested : available;

let failed = false;
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`unknown benchmark "${name}"; available: ${available.join(', ')}`);
    process.exit(2);
  }
  const mod = (await import(join(here, `${name}.bench.ts`))) as { default: Bench };
  const results: BenchResult[] = await mod.default();
  for (const r of results) {
    const ok = r.bound === undefined || r.value <= r.bound;
    if (!ok) failed = true;
    console.log(JSON.stringify({ ...r, ok }));
  }
}
process.exit(failed ? 1 : 0);
