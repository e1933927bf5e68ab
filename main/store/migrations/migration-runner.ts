import { StoreOpenError } from '../store';
import { MetaFileSchema } from '../lowdb/file-schemas';
import type { Migration, MigrationFiles } from './migration';

const META = 'store/meta.json';

/** The schema version a list of migrations leads to (1 when there are none). */
export function targetVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((v, m) => Math.max(v, m.to), 1);
}

/**
 * Runs the migrations that take the store from `from` to the newest version, one step at a time,
 * recording each step's `to` in `store/meta.json` right after it. Returns the version reached.
 */
export async function runMigrations(files: MigrationFiles, from: number, migrations: readonly Migration[], log: (msg: string) => void): Promise<number> {
  const target = targetVersion(migrations);
  let version = from;
  while (version < target) {
    const step = migrations.find((m) => m.from === version);
    if (!step || step.to <= step.from) {
      throw new StoreOpenError(`no migration from store schema version ${version} (target ${target})`, `${files.dataDir}/${META}`);
    }
    log(`store: migrating schema ${step.from} → ${step.to}: ${step.description}`);
    await step.migrate(files);
    const existing = (await files.exists(META)) ? MetaFileSchema.safeParse(await files.readJson(META)) : undefined;
    if (existing && !existing.success) throw new StoreOpenError(`${META} is not a valid meta file after migration ${step.from} → ${step.to}`, `${files.dataDir}/${META}`);
    await files.writeJson(META, { schemaVersion: step.to, sequences: existing?.data.sequences ?? {} });
    version = step.to;
  }
  return version;
}
