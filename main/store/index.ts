import { openLowdbStore, type OpenStoreOptions } from './lowdb/open-lowdb-store';
import type { Store } from './store';

export type { OpenStoreOptions } from './lowdb/open-lowdb-store';
export { StoreOpenError, StoreWriteError, VersionConflictError } from './store';
export type * from './store';

/**
 * Opens the embedded store in the data dir `options.dir` (files under `<dir>/store/`), creating
 * it on first use. Rejects with `StoreOpenError` when the files are unreadable, of an unknown or
 * newer schema, or another live process holds the store. Call `close()` when done.
 */
export function openStore(options: OpenStoreOptions): Promise<Store> {
  return openLowdbStore({ dir: options.dir, fsync: options.fsync, log: options.log });
}
