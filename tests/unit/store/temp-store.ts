/** Per-test data dirs for store tests: real files in os.tmpdir(), removed after each test. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openLowdbStore, type LowdbStoreOptions } from '../../../main/store/lowdb/open-lowdb-store';
import type { LowdbStore } from '../../../main/store/lowdb/lowdb.store';

const dirs: string[] = [];
const open: LowdbStore[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atende-store-'));
  dirs.push(dir);
  return dir;
}

/** Opens a store (fsync off unless asked: these tests check logic, not the disk) closed after the test. */
export async function openTemp(dir: string, options: Partial<LowdbStoreOptions> = {}): Promise<LowdbStore> {
  const store = await openLowdbStore({ fsync: false, ...options, dir });
  open.push(store);
  return store;
}
