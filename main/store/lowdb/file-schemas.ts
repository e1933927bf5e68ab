import { z } from 'zod';
import type { CollectionName, StoredRecord } from '../store';
import { COLLECTION_NAMES, PARTITION_KEY_PATTERN } from './partitioning';

/**
 * Top-level shapes of the store files. Records are checked only for `id` and `version`: their full
 * schemas are the domain's business, and parsing 100k records with zod at open would cost seconds.
 * `z.custom` checks without copying, so the parsed records are the very objects JSON.parse made.
 */
const StoredRecordShape = z.custom<StoredRecord>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    typeof (v as { id?: unknown }).id === 'string' &&
    (v as { id: string }).id.length > 0 &&
    Number.isInteger((v as { version?: unknown }).version),
  { message: 'record without a string id and an integer version' },
);

const SchemaVersion = z.number().int().nonnegative();

/** `<collection>/<partition>.json` */
export const PartitionFileSchema = z.strictObject({
  schemaVersion: SchemaVersion,
  records: z.array(StoredRecordShape),
});
export type PartitionFile = z.infer<typeof PartitionFileSchema>;

/** `meta.json`: the schema version of the whole store and the sequences. */
export const MetaFileSchema = z.strictObject({
  schemaVersion: SchemaVersion,
  sequences: z.record(z.string(), z.number().int().nonnegative()),
});
export type MetaFile = z.infer<typeof MetaFileSchema>;

/** `settings.json`: small JSON key/values, kept apart so sequence bumps do not rewrite them. */
export const SettingsFileSchema = z.strictObject({
  schemaVersion: SchemaVersion,
  settings: z.record(z.string(), z.unknown()),
});
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

export const JournalEntrySchema = z.strictObject({
  collection: z.enum(COLLECTION_NAMES as [CollectionName, ...CollectionName[]]),
  partition: z.string().regex(PARTITION_KEY_PATTERN),
  id: z.string().min(1),
  /** The record as committed, or null when the transaction deleted it. */
  record: StoredRecordShape.nullable(),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** `journal/<seq>.json`: the full outcome of one group commit that spans several files. */
export const JournalFileSchema = z.strictObject({
  schemaVersion: SchemaVersion,
  seq: z.number().int().positive(),
  entries: z.array(JournalEntrySchema),
  sequences: MetaFileSchema.shape.sequences.optional(),
  settings: SettingsFileSchema.shape.settings.optional(),
});
export type JournalFile = z.infer<typeof JournalFileSchema>;
