/**
 * Store write latency at scale: a demo floor of 100k tickets over 90 days (fsync on), then single-ticket updates,
 * each a `write` with put + expectedVersion awaited until durable. Also the open time of that
 * store and its largest partition file.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../main/store/index';
import { DEMO_PASSWORD, generateFloor, loadFloor } from '../../main/domain/demo/index';
import type { Ticket } from '../../shared/schemas';
import { percentile, round, sample, type BenchResult } from './harness';

const TICKETS = 100_000;
const CUSTOMERS = 30_000;
const UPDATES = 1_000;
const CONCURRENT = 64;
const DAYS = 90;
const NOW = new Date('2026-11-22T12:00:00.000Z');

function largestFile(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.json')) continue;
    files++;
    bytes = Math.max(bytes, statSync(join(entry.parentPath, entry.name)).size);
  }
  return { bytes, files };
}

export default async function storeWriteBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atende-bench-store-'));
  try {
    // The demo floor generator (same as `npm run seed`): tickets with their messages, calls and surveys.
    const floor = generateFloor({ customers: CUSTOMERS, tickets: TICKETS, days: DAYS, seed: 7, now: NOW });
    const build = await openStore({ dir, fsync: true });
    await loadFloor(build, floor, { passwords: () => DEMO_PASSWORD, now: NOW });
    await build.close();

    const t0 = performance.now();
    const store = await openStore({ dir, fsync: true });
    const openMs = performance.now() - t0;
    const ids = [...store.tickets.values()].map((t) => t.id);

    let seed = 42;
    const pick = (): string => ids[(seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) % ids.length] as string;
    const durations = await sample(UPDATES, async (i) => {
      const current = store.tickets.get(pick()) as Ticket;
      await store.write((tx) => tx.put('tickets', { ...current, priority: i % 2 ? 'high' : 'normal', updatedAt: new Date().toISOString() }, current.version));
    });

    // Under load: 64 concurrent writers share group commits instead of queueing one fsync each.
    const c0 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENT }, async () => {
        for (let i = 0; i < 20; i++) {
          const current = store.tickets.get(pick()) as Ticket;
          await store.write((tx) => tx.put('tickets', { ...current, priority: 'urgent' }, current.version)).catch((err: Error) => {
            if (err.name !== 'VersionConflictError') throw err;
          });
        }
      }),
    );
    const perSecond = (CONCURRENT * 20) / ((performance.now() - c0) / 1000);
    await store.close();

    const largest = largestFile(join(dir, 'store', 'tickets'));
    const info = { tickets: TICKETS, days: DAYS, updates: UPDATES, fsync: true, partitions: largest.files };
    return [
      { bench: 'store_write', metric: 'update_p50', value: round(percentile(durations, 50)), unit: 'ms', info },
      { bench: 'store_write', metric: 'update_p99', value: round(percentile(durations, 99)), unit: 'ms', bound: 25, info },
      { bench: 'store_write', metric: 'update_max', value: round(Math.max(...durations)), unit: 'ms' },
      { bench: 'store_write', metric: 'concurrent_updates_per_s', value: round(perSecond, 0), unit: 'tx/s', info: { writers: CONCURRENT } },
      { bench: 'store_write', metric: 'open_100k_tickets', value: round(openMs, 1), unit: 'ms' },
      { bench: 'store_write', metric: 'largest_ticket_partition', value: largest.bytes, unit: 'bytes', info: { files: largest.files } },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
