import { readFile, rm, writeFile } from 'node:fs/promises';
import { StoreOpenError } from '../store';
import { writeFileAtomic } from './atomic-json.adapter';

/** Lock files this process holds: a stale lock with our own pid (pid reuse, containers) is not "in use". */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * `store/LOCK` holds the pid of the process that has the store open, so two processes never
 * write the same files. A lock whose process is gone (a crash) is taken over.
 */
export class StoreLock {
  private constructor(readonly file: string) {}

  static async acquire(file: string, log: (msg: string) => void): Promise<StoreLock> {
    // Claimed synchronously, so two opens racing inside this process cannot both win.
    if (heldHere.has(file)) throw new StoreOpenError(`store in use by process ${process.pid} (this process; lock file ${file})`, file);
    heldHere.add(file);
    try {
      await StoreLock.claim(file, log);
    } catch (err) {
      heldHere.delete(file);
      throw err;
    }
    return new StoreLock(file);
  }

  private static async claim(file: string, log: (msg: string) => void): Promise<void> {
    const me = String(process.pid);
    try {
      await writeFile(file, me, { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new StoreOpenError(`cannot create lock file ${file}: ${(err as Error).message}`, file);
      const pid = await readPid(file);
      // Our own pid here is a leftover of an earlier process that had it (this one would be in heldHere).
      if (pid !== undefined && pid !== process.pid && isAlive(pid)) {
        throw new StoreOpenError(`store in use by process ${pid} (lock file ${file})`, file);
      }
      log(`store: taking over stale lock of process ${pid ?? '?'}`);
      await writeFileAtomic(file, me, false);
      // Two processes taking over the same stale lock at once: the last rename wins, the other backs off.
      if ((await readPid(file)) !== process.pid) throw new StoreOpenError(`store in use by another process (lock file ${file})`, file);
    }
  }

  /** Removes the lock if it is still ours. */
  async release(): Promise<void> {
    if (!heldHere.delete(this.file)) return;
    if ((await readPid(this.file)) === process.pid) await rm(this.file, { force: true });
  }
}
