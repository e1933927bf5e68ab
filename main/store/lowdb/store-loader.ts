import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Low } from 'lowdb';
import { StoreOpenError, type CollectionName } from '../store';
import { TEMP_MARKER } from './atomic-json.adapter';
import type { MetaFile, PartitionFile, SettingsFile } from './file-schemas';
import { COLLECTION_NAMES, PARTITION_KEY_PATTERN } from './partitioning';
import type { StorePaths } from './store-paths';
import type { TxTarget } from './store-write-tx';

/** What loading fills: the store's memory and its lowdb handles. */
export interface LoadTarget extends TxTarget {
  readonly schemaVersion: number;
  readonly metaLow: Low<MetaFile>;
  readonly settingsLow: Low<SettingsFile>;
  lowFor(collection: CollectionName, partition: string): Low<PartitionFile>;
}

const ROOT_ENTRIES: ReadonlySet<string> = new Set(['meta.json', 'settings.json', 'LOCK', 'journal', ...COLLECTION_NAMES]);
/** Files read at once: enough to keep the thread pool busy, few enough not to exhaust descriptors. */
const READ_CONCURRENCY = 16;

async function list(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new StoreOpenError(`cannot list ${dir}: ${(err as Error).message}`, dir);
  }
}

/** Deletes temp files left by writes a crash interrupted (they never replaced anything). */
export async function removeTempFiles(paths: StorePaths, log: (msg: string) => void): Promise<void> {
  const dirs = [paths.root, paths.journalDir, ...COLLECTION_NAMES.map((c) => paths.collectionDir(c))];
  let removed = 0;
  for (const dir of dirs) {
    for (const name of await list(dir)) {
      if (!name.includes(TEMP_MARKER)) continue;
      await rm(join(dir, name), { force: true });
      removed++;
    }
  }
  if (removed > 0) log(`store: removed ${removed} temp file(s) left by an interrupted write`);
}

/**
 * Reads meta, settings and every partition into memory, building the indexes as records arrive.
 * Anything unexpected (unknown file, bad shape, newer schema, duplicate id) is a StoreOpenError
 * naming the file: data is never skipped silently.
 */
export async function loadStoreFiles(paths: StorePaths, target: LoadTarget): Promise<{ files: number; records: number }> {
  for (const name of await list(paths.root)) {
    if (name.startsWith('.') || ROOT_ENTRIES.has(name)) continue;
    throw new StoreOpenError(`unknown entry in the store folder: ${join(paths.root, name)}`, join(paths.root, name));
  }

  await target.metaLow.read();
  for (const [name, value] of Object.entries(target.metaLow.data.sequences)) target.sequences.set(name, value);
  await target.settingsLow.read();
  checkVersion(paths.settings, target.settingsLow.data.schemaVersion, target.schemaVersion);
  for (const [key, value] of Object.entries(target.settingsLow.data.settings)) target.settings.set(key, value);

  const jobs: { collection: CollectionName; partition: string; file: string }[] = [];
  for (const collection of COLLECTION_NAMES) {
    for (const name of await list(paths.collectionDir(collection))) {
      if (name.startsWith('.')) continue;
      const partition = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
      const file = join(paths.collectionDir(collection), name);
      if (!PARTITION_KEY_PATTERN.test(partition)) throw new StoreOpenError(`unknown file in the store: ${file}`, file);
      jobs.push({ collection, partition, file });
    }
  }

  let records = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++] as (typeof jobs)[number];
      const low = target.lowFor(job.collection, job.partition);
      await low.read();
      const data = low.data;
      low.data = { schemaVersion: target.schemaVersion, records: [] };
      checkVersion(job.file, data.schemaVersion, target.schemaVersion);
      const col = target.collection(job.collection);
      for (const record of data.records) {
        const other = col.partitionOf(record.id);
        if (other !== undefined) {
          throw new StoreOpenError(`record ${job.collection}/${record.id} is in both ${job.file} and ${paths.partition(job.collection, other)}`, job.file);
        }
        if (target.freezeRecords) Object.freeze(record);
        col.set(record, job.partition);
      }
      records += data.records.length;
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, jobs.length) }, worker));
  return { files: jobs.length, records };
}

/** A file may predate the last migration (it had nothing to change) but never be newer than the store. */
function checkVersion(file: string, fileVersion: number, storeVersion: number): void {
  if (fileVersion > storeVersion) {
    throw new StoreOpenError(`store file ${file} has schema version ${fileVersion}, newer than the store (${storeVersion})`, file);
  }
}
