import { z } from 'zod';
import { StoreOpenError, type CollectionName } from '../store';
import { COLLECTION_NAMES, partitionKeyFor } from '../lowdb/partitioning';
import type { Migration } from './migration';

/** Name of the single lowdb file of schema 0, in the data dir. */
export const LEGACY_DB_FILE = 'db.json';

const LegacyRecord = z.looseObject({ id: z.string().min(1), version: z.number().int().nonnegative().optional() });
const LegacyDbSchema = z.looseObject({
  ...Object.fromEntries(COLLECTION_NAMES.map((c) => [c, z.array(LegacyRecord).optional()])),
  sequences: z.record(z.string(), z.number().int().nonnegative()).optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Schema 0 → 1: from one lowdb file holding everything (`db.json`: `{ tickets: [...], ...,
 * sequences, settings }`) to the partitioned layout. Safe to repeat: every output file is
 * rewritten whole from `db.json`, which is kept (as a backup) rather than deleted.
 */
export const legacyDbMigration: Migration = {
  from: 0,
  to: 1,
  description: `split ${LEGACY_DB_FILE} into partition files`,
  async migrate(files) {
    const parsed = LegacyDbSchema.safeParse(await files.readJson(LEGACY_DB_FILE));
    if (!parsed.success) {
      throw new StoreOpenError(`${files.dataDir}/${LEGACY_DB_FILE} is not a known store file: ${parsed.error.issues[0]?.message ?? 'bad shape'}`, `${files.dataDir}/${LEGACY_DB_FILE}`);
    }
    const legacy = parsed.data as Partial<Record<CollectionName, z.infer<typeof LegacyRecord>[]>> & {
      sequences?: Record<string, number>;
      settings?: Record<string, unknown>;
    };
    for (const collection of COLLECTION_NAMES) {
      const byPartition = new Map<string, unknown[]>();
      for (const record of legacy[collection] ?? []) {
        const stored = { ...record, version: record.version ?? 1 };
        const key = partitionKeyFor(collection, stored);
        const list = byPartition.get(key) ?? [];
        list.push(stored);
        byPartition.set(key, list);
      }
      for (const [partition, records] of byPartition) {
        await files.writeJson(`store/${collection}/${partition}.json`, { schemaVersion: 1, records });
      }
    }
    await files.writeJson('store/settings.json', { schemaVersion: 1, settings: legacy.settings ?? {} });
    // Sequences go to meta.json; the runner then stamps it with version 1.
    await files.writeJson('store/meta.json', { schemaVersion: 0, sequences: legacy.sequences ?? {} });
  },
};
