/**
 * File access for migrations. Paths are relative to the data dir (`store/meta.json`,
 * `store/tickets/2026-11.07.json`, or a legacy file such as `db.json`).
 */
export interface MigrationFiles {
  /** Absolute data dir, for messages. */
  readonly dataDir: string;
  /** Entry names in a folder (empty when it does not exist). */
  list(relDir: string): Promise<string[]>;
  exists(relPath: string): Promise<boolean>;
  /** Parsed JSON; a missing or unparsable file is a StoreOpenError naming it. */
  readJson(relPath: string): Promise<unknown>;
  /** Writes atomically (temp, fsync, rename), creating folders as needed. */
  writeJson(relPath: string, value: unknown): Promise<void>;
  remove(relPath: string): Promise<void>;
}

/**
 * One step of the on-disk schema, run at open when the store is older than the code.
 * `migrate` must be safe to run again from the start: a crash mid-migration leaves `meta.json`
 * at `from`, and the next open repeats the step. The runner records `to` in `store/meta.json`
 * after `migrate` resolves. A migration rewrites every file whose format it changes; files it does
 * not touch keep their older `schemaVersion`, which the loader accepts.
 */
export interface Migration {
  from: number;
  to: number;
  description: string;
  migrate(files: MigrationFiles): Promise<void>;
}
