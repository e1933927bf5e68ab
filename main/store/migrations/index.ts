import { legacyDbMigration } from './legacy-db.migration';
import type { Migration } from './migration';
import { targetVersion } from './migration-runner';

/** Every migration, oldest first. Append here when the on-disk format changes. */
export const MIGRATIONS: readonly Migration[] = [legacyDbMigration];

/** The store schema this code reads and writes. */
export const CURRENT_SCHEMA_VERSION = targetVersion(MIGRATIONS);
