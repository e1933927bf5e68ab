import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreOpenError } from '../../../main/store/store';
import { openTemp, tempDir } from './temp-store';

describe('store lock', () => {
  it('writes the pid to store/LOCK and removes it on close', async () => {
    const dir = tempDir();
    const store = await openTemp(dir);
    const lock = join(dir, 'store', 'LOCK');
    expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
    await store.close();
    expect(existsSync(lock)).toBe(false);
  });

  it('refuses a second open of the same store in this process', async () => {
    const dir = tempDir();
    await openTemp(dir);
    await expect(openTemp(dir)).rejects.toThrow(`store in use by process ${process.pid}`);
  });

  it('refuses a store locked by a live process, with its pid', async () => {
    const dir = tempDir();
    await (await openTemp(dir)).close();
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => child.once('spawn', r));
      await new Promise((r) => setTimeout(r, 10));
      writeFileSync(join(dir, 'store', 'LOCK'), String(child.pid));
      const err = await openTemp(dir).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreOpenError);
      expect((err as Error).message).toContain(`store in use by process ${child.pid}`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a stale lock (dead pid, garbage, or our own pid from an earlier life)', async () => {
    const dir = tempDir();
    await (await openTemp(dir)).close();
    const lock = join(dir, 'store', 'LOCK');
    const dead = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    await new Promise((r) => dead.once('exit', r));
    for (const content of [String(dead.pid), 'garbage', '', String(process.pid)]) {
      writeFileSync(lock, content);
      const logs: string[] = [];
      const store = await openTemp(dir, { log: (m) => logs.push(m) });
      expect(readFileSync(lock, 'utf8')).toBe(String(process.pid));
      expect(logs.some((l) => l.includes('stale lock'))).toBe(true);
      await store.close();
    }
  });
});
