import { access, mkdir, readFile, readdir } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { StoreOpenError } from '../store';
import { removeFile, type StoreIo } from '../lowdb/atomic-json.adapter';
import type { MigrationFiles } from './migration';

/** The files API handed to migrations, confined to the data dir. */
export function createMigrationFiles(dataDir: string, options: { fsync: boolean; io: StoreIo }): MigrationFiles {
  const abs = (rel: string): string => {
    const clean = normalize(rel);
    if (clean.startsWith('..') || clean.startsWith('/') || /^[A-Za-z]:/.test(clean)) throw new Error(`migration path outside the data dir: ${rel}`);
    return join(dataDir, clean);
  };
  return {
    dataDir,
    async list(relDir) {
      try {
        return await readdir(abs(relDir));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    },
    async exists(relPath) {
      return access(abs(relPath)).then(
        () => true,
        () => false,
      );
    },
    async readJson(relPath) {
      const file = abs(relPath);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (err) {
        throw new StoreOpenError(`migration cannot read ${file}: ${(err as Error).message}`, file);
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (err) {
        throw new StoreOpenError(`migration: ${file} is not valid JSON (${(err as Error).message})`, file);
      }
    },
    async writeJson(relPath, value) {
      const file = abs(relPath);
      await mkdir(dirname(file), { recursive: true });
      await options.io.writeFileAtomic(file, JSON.stringify(value), options.fsync);
    },
    async remove(relPath) {
      await removeFile(abs(relPath), options.fsync);
    },
  };
}
