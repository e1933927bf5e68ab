import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppRouter } from '../../main/server/router';
import { openStore } from '../../main/store/index';

const ROUNDS = 8;
const PASSWORD = 'crash-test-pw-1';
const dir = mkdtempSync(join(tmpdir(), 'atende-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the real server (`npm run server` entry) and resolves with its URL once /healthz answers. */
function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/server.ts'], {
    env: { ...process.env, ATENDE_DATA_DIR: dir, ATENDE_PORT: '0', ATENDE_ADMIN_PASSWORD: PASSWORD, ATENDE_RENDERER_DIR: dir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] as string });
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

describe('crash safety of the server', () => {
  it(`keeps every acknowledged write across ${ROUNDS} SIGKILLs in the middle of writes`, async () => {
    const acked = new Map<string, string>(); // customer id → name
    for (let round = 0; round < ROUNDS; round++) {
      const { child, url } = await startServer();
      const client = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${url}/trpc`, headers: () => ({ Authorization: `Bearer ${token}` }) })] });
      let token = '';
      token = (await client.auth.login.mutate({ username: 'admin', password: PASSWORD })).token ?? '';
      let stop = false;
      // Four concurrent writers; each records what the server acknowledged.
      const writers = Array.from({ length: 4 }, async (_, w) => {
        for (let i = 0; !stop; i++) {
          const name = `Cliente r${round} w${w} n${i}`;
          try {
            const c = await client.customers.create.mutate({ name, phones: [`119${String(round * 1e6 + w * 1e5 + i).padStart(8, '0').slice(-8)}`] });
            acked.set(c.id, name);
          } catch {
            return; // the server died mid-request: not acknowledged
          }
        }
      });
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, 150 + Math.random() * 400));
      child.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
      await exited;
    }
    expect(acked.size).toBeGreaterThan(ROUNDS * 4);
    const store = await openStore({ dir });
    try {
      for (const [id, name] of acked) expect(store.customers.get(id)?.name, id).toBe(name);
      // The audit event of each creation was in the same transaction: both or neither.
      const audited = new Set([...store.audit.values()].filter((a) => a.action === 'customer.create').map((a) => a.entityId));
      for (const c of store.customers.values()) expect(audited.has(c.id), c.id).toBe(true);
    } finally {
      await store.close();
    }
  }, 120_000);
});
