import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreOpenError, type CollectionName, type StoredRecord } from '../store';
import { AtomicJsonAdapter, TEMP_MARKER, type StoreIo } from './atomic-json.adapter';
import { JournalFileSchema, MetaFileSchema, PartitionFileSchema, SettingsFileSchema, type JournalEntry } from './file-schemas';
import type { StorePaths } from './store-paths';

interface ReplayOptions {
  fsync: boolean;
  io: StoreIo;
  log: (msg: string) => void;
}

const JOURNAL_NAME = /^\d+\.json$/;

/**
 * Finishes group commits a crash interrupted. A journal is written (atomically) before any file of
 * its group and removed after the last one, so a journal on disk holds the final state of every
 * record its group touched; writing those records into their partitions is idempotent.
 * At most one journal exists in practice (the next group starts only after the previous journal's
 * removal is durable); if several are found they are applied in sequence order.
 * Returns the highest sequence seen, so new journals sort after it.
 */
export async function replayJournals(paths: StorePaths, storeVersion: number, options: ReplayOptions): Promise<number> {
  let names: string[];
  try {
    names = await readdir(paths.journalDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw new StoreOpenError(`cannot list ${paths.journalDir}: ${(err as Error).message}`, paths.journalDir);
  }
  const journals = names.filter((n) => JOURNAL_NAME.test(n)).sort();
  const unknown = names.find((n) => !JOURNAL_NAME.test(n) && !n.startsWith('.') && !n.includes(TEMP_MARKER));
  if (unknown !== undefined) throw new StoreOpenError(`unknown file in the store journal: ${join(paths.journalDir, unknown)}`, join(paths.journalDir, unknown));
  let lastSeq = 0;
  for (const name of journals) {
    const file = join(paths.journalDir, name);
    const journal = await new AtomicJsonAdapter(file, JournalFileSchema, options).read();
    if (!journal) continue;
    if (journal.schemaVersion !== storeVersion) {
      throw new StoreOpenError(`journal ${file} was written by schema version ${journal.schemaVersion}, the store is at ${storeVersion}`, file);
    }
    const byFile = new Map<string, { collection: CollectionName; partition: string; entries: JournalEntry[] }>();
    for (const entry of journal.entries) {
      const key = `${entry.collection}/${entry.partition}`;
      let group = byFile.get(key);
      if (!group) byFile.set(key, (group = { collection: entry.collection, partition: entry.partition, entries: [] }));
      group.entries.push(entry);
    }
    const writes: Promise<void>[] = [];
    for (const { collection, partition, entries } of byFile.values()) {
      writes.push(applyToPartition(paths.partition(collection, partition), journal.schemaVersion, entries, options));
    }
    if (journal.sequences) {
      const metaFile = new AtomicJsonAdapter(paths.meta, MetaFileSchema, options);
      const meta = await metaFile.read();
      writes.push(metaFile.write({ schemaVersion: meta?.schemaVersion ?? storeVersion, sequences: journal.sequences }));
    }
    if (journal.settings) {
      writes.push(new AtomicJsonAdapter(paths.settings, SettingsFileSchema, options).write({ schemaVersion: journal.schemaVersion, settings: journal.settings }));
    }
    await Promise.all(writes);
    await options.io.removeFile(file, options.fsync);
    options.log(`store: replayed journal ${journal.seq} (${writes.length} files) left by an interrupted write`);
    lastSeq = Math.max(lastSeq, journal.seq);
  }
  return lastSeq;
}

async function applyToPartition(file: string, schemaVersion: number, entries: JournalEntry[], options: ReplayOptions): Promise<void> {
  const adapter = new AtomicJsonAdapter(file, PartitionFileSchema, options);
  const current = await adapter.read();
  const records = new Map<string, StoredRecord>();
  for (const record of current?.records ?? []) records.set(record.id, record);
  for (const entry of entries) {
    if (entry.record) records.set(entry.id, entry.record);
    else records.delete(entry.id);
  }
  await adapter.write({ schemaVersion: Math.max(schemaVersion, current?.schemaVersion ?? 0), records: [...records.values()] });
}
