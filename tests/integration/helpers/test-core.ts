import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigSchema, type AppConfig } from '../../../main/config/config.schema';
import type { Clock } from '../../../main/domain/shared/clock';
import { createCore, type Core } from '../../../main/server/core';
import { silentLogger } from '../../../main/server/logger';
import { type appRouter } from '../../../main/server/router';
import { createCallerFactory } from '../../../main/server/trpc';

export type Caller = ReturnType<typeof appRouter.createCaller>;

export const ADMIN_PASSWORD = 'admin-test-pw-123';

export interface TestCore {
  core: Core;
  dir: string;
  /** A tRPC caller with the given bearer token (or none). */
  caller(token?: string | null): Caller;
  /** Logs in through the router and returns a caller bound to the session. */
  login(username: string, password: string): Promise<{ token: string; caller: Caller }>;
  close(): Promise<void>;
}

/** A real core on real lowdb files in a fresh temp dir. */
export async function createTestCore(opts: { clock?: Clock; config?: Partial<AppConfig>; dir?: string } = {}): Promise<TestCore> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'atende-it-'));
  const config = ConfigSchema.parse({ dataDir: dir, adminPassword: ADMIN_PASSWORD, fsync: false, ...opts.config });
  const core = await createCore({ config, log: silentLogger, ...(opts.clock ? { clock: opts.clock } : {}) });
  const factory = createCallerFactory(core.router);
  const caller = (token: string | null = null): Caller => factory(() => core.createContext({ token, transport: 'internal' }));
  return {
    core,
    dir,
    caller,
    async login(username, password) {
      const { token } = await caller().auth.login({ username, password });
      if (!token) throw new Error('no token');
      return { token, caller: caller(token) };
    },
    async close() {
      await core.close();
      if (!opts.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
