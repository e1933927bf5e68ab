import { mkdir, readdir } from 'node:fs/promises';
import { StoreOpenError } from '../store';
import { LEGACY_DB_FILE } from '../migrations/legacy-db.migration';
import { MIGRATIONS } from '../migrations/index';
import type { Migration } from '../migrations/migration';
import { createMigrationFiles } from '../migrations/migration-files';
import { runMigrations, targetVersion } from '../migrations/migration-runner';
import { AtomicJsonAdapter, TEMP_MARKER, nodeStoreIo, type StoreIo } from './atomic-json.adapter';
import { MetaFileSchema, SettingsFileSchema } from './file-schemas';
import { replayJournals } from './journal-replay';
import { LowdbStore } from './lowdb.store';
import { COLLECTION_NAMES } from './partitioning';
import { loadStoreFiles, removeTempFiles } from './store-loader';
import { StoreLock } from './store-lock';
import { StorePaths } from './store-paths';

export interface OpenStoreOptions {
  /** The data dir; the store lives in `<dir>/store/`. */
  dir: string;
  /** fsync files and folders on every commit (default true); off only for throwaway data. */
  fsync?: boolean;
  log?: (msg: string) => void;
}

/** Options for tests and tools; not part of the app's configuration. */
export interface LowdbStoreOptions extends OpenStoreOptions {
  /** File operations, replaceable to inject disk faults. */
  io?: StoreIo;
  /** Migration list (default: the real one); its last `to` is the schema version opened. */
  migrations?: readonly Migration[];
  /** Shallow-freeze stored records (default true) so accidental mutation throws. */
  freezeRecords?: boolean;
}

/**
 * Opens (creating if needed) the lowdb store in `options.dir`: takes the lock, removes crash
 * leftovers, replays an interrupted commit's journal, runs migrations, then loads everything
 * into memory. Every problem with the files is a `StoreOpenError`.
 */
export async function openLowdbStore(options: LowdbStoreOptions): Promise<LowdbStore> {
  const started = performance.now();
  const fsync = options.fsync ?? true;
  const io = options.io ?? nodeStoreIo;
  const log = options.log ?? (() => undefined);
  const migrations = options.migrations ?? MIGRATIONS;
  const current = targetVersion(migrations);
  const paths = new StorePaths(options.dir);
  try {
    await mkdir(paths.root, { recursive: true });
  } catch (err) {
    throw new StoreOpenError(`cannot create the store folder ${paths.root}: ${(err as Error).message}`, paths.root);
  }
  const lock = await StoreLock.acquire(paths.lock, log);
  try {
    await removeTempFiles(paths, log);
    const files = createMigrationFiles(paths.dataDir, { fsync, io });
    let version = await onDiskVersion(paths, fsync, io, files);
    if (version === undefined) {
      await new AtomicJsonAdapter(paths.settings, SettingsFileSchema, { fsync, io }).write({ schemaVersion: current, settings: {} });
      // meta.json last: its presence is what marks the store as created.
      await new AtomicJsonAdapter(paths.meta, MetaFileSchema, { fsync, io }).write({ schemaVersion: current, sequences: {} });
      version = current;
      log(`store: created ${paths.root} (schema ${current})`);
    }
    if (version > current) {
      throw new StoreOpenError(`store schema version ${version} is newer than this version of Atende supports (${current}); update Atende`, paths.meta);
    }
    const journalSeq = await replayJournals(paths, version, { fsync, io, log });
    if (version < current) version = await runMigrations(files, version, migrations, log);
    await Promise.all([paths.journalDir, ...COLLECTION_NAMES.map((c) => paths.collectionDir(c))].map((d) => mkdir(d, { recursive: true })));
    const store = new LowdbStore({ paths, fsync, io, lock, schemaVersion: version, journalSeq, freezeRecords: options.freezeRecords ?? true });
    const loaded = await loadStoreFiles(paths, store);
    log(`store: opened ${paths.root} (schema ${version}, ${loaded.records} records in ${loaded.files} files, ${Math.round(performance.now() - started)} ms)`);
    return store;
  } catch (err) {
    await lock.release();
    throw err;
  }
}

/** The schema version on disk: from meta.json, 0 for a legacy single-file store, undefined for a new one. */
async function onDiskVersion(paths: StorePaths, fsync: boolean, io: StoreIo, files: ReturnType<typeof createMigrationFiles>): Promise<number | undefined> {
  const meta = await new AtomicJsonAdapter(paths.meta, MetaFileSchema, { fsync, io }).read();
  if (meta) return meta.schemaVersion;
  if (await files.exists(LEGACY_DB_FILE)) return 0;
  for (const collection of COLLECTION_NAMES) {
    const names = await readdir(paths.collectionDir(collection)).catch(() => [] as string[]);
    const data = names.find((n) => !n.startsWith('.') && !n.includes(TEMP_MARKER));
    if (data !== undefined) {
      throw new StoreOpenError(`${paths.meta} is missing but the store holds data (e.g. ${paths.partition(collection, data.replace(/\.json$/, ''))})`, paths.meta);
    }
  }
  return undefined;
}
