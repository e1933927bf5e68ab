import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, generateFloor, loadFloor, type FloorOptions } from '../../main/domain/demo/index';
import { openStore, type Store } from '../../main/store/index';

/** The instant benchmark floors end at (fixed, so runs are comparable). */
export const BENCH_NOW = new Date('2026-11-22T12:00:00.000Z');

/**
 * A store filled by the demo floor generator (the one `npm run seed` uses) in a temp dir. Read
 * benchmarks load it with fsync off: they measure lookups in memory, not the disk.
 */
export async function benchFloor(opts: Omit<FloorOptions, 'now' | 'seed'> & { seed?: number }): Promise<{ store: Store; dispose(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'atende-bench-'));
  const store = await openStore({ dir, fsync: false });
  // The generated floor is dropped once loaded: only the store's copy stays on the heap, as in the app.
  await loadFloor(store, generateFloor({ seed: 7, now: BENCH_NOW, ...opts }), { passwords: () => DEMO_PASSWORD, now: BENCH_NOW, batchSize: 20_000 });
  return {
    store,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
