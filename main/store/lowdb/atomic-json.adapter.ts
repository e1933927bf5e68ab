import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreOpenError } from '../store';

/** The few file operations whose failure the store must handle; swappable to inject faults in tests. */
export interface StoreIo {
  /** Replaces `file` with `text` atomically (see {@link writeFileAtomic}). */
  writeFileAtomic(file: string, text: string, fsync: boolean): Promise<void>;
  /** Removes `file` (if present) and, with `fsync`, makes the removal durable. */
  removeFile(file: string, fsync: boolean): Promise<void>;
}

/** A failed atomic write; `replaced` tells whether the target may already hold the new content. */
export class AtomicWriteError extends Error {
  constructor(
    readonly file: string,
    readonly replaced: boolean,
    cause: unknown,
  ) {
    super(`writing ${file} failed${replaced ? ' after it was replaced' : ''}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'AtomicWriteError';
  }
}

/** Marker in temp file names; anything containing it in the store folder is a crash leftover. */
export const TEMP_MARKER = '.tmp-';
let tempCounter = 0;

/**
 * Makes a rename or unlink in `dir` durable. Directories cannot be opened for fsync on Windows
 * (and some file systems refuse it): there the rename is as durable as the platform makes it.
 */
export async function fsyncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF' && code !== 'EACCES') throw err;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes a temp file next to `file`, fsyncs it, renames it over `file` and fsyncs the directory:
 * a reader (or a crash) sees the old content or the new one, never a mix.
 */
export async function writeFileAtomic(file: string, text: string, fsync: boolean): Promise<void> {
  const tmp = `${file}${TEMP_MARKER}${process.pid}-${++tempCounter}`;
  let replaced = false;
  try {
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      if (fsync) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    replaced = true;
    if (fsync) await fsyncDir(dirname(file));
  } catch (err) {
    if (!replaced) await rm(tmp, { force: true }).catch(() => undefined);
    throw new AtomicWriteError(file, replaced, err);
  }
}

/** Deletes `file` if present; with `fsync`, the deletion survives a crash once this resolves. */
export async function removeFile(file: string, fsync: boolean): Promise<void> {
  await rm(file, { force: true });
  if (fsync) await fsyncDir(dirname(file));
}

export const nodeStoreIo: StoreIo = { writeFileAtomic, removeFile };

/**
 * A lowdb adapter for one store file: reads and validates the top-level shape (a bad file is a
 * `StoreOpenError` naming it, never an empty default), writes atomically.
 */
export class AtomicJsonAdapter<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    private readonly schema: z.ZodType<T>,
    private readonly options: { fsync: boolean; io: StoreIo },
  ) {}

  /** The parsed file, or null when it does not exist. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreOpenError(`cannot read store file ${this.file}: ${(err as Error).message}`, this.file);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new StoreOpenError(`store file ${this.file} is not valid JSON (${(err as Error).message})`, this.file);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ');
      throw new StoreOpenError(`store file ${this.file} has an unknown shape: ${issues}`, this.file);
    }
    return parsed.data;
  }

  /** Serializes synchronously (the caller's snapshot is taken now), then replaces the file atomically. */
  write(data: T): Promise<void> {
    return this.options.io.writeFileAtomic(this.file, JSON.stringify(data), this.options.fsync);
  }
}
