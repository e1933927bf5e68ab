/**
 * `npm run server [-- --demo] [--port N] [--host H] [--data-dir DIR]`: the headless core serving
 * tRPC over HTTP + WebSocket and the built renderer (floor server / browser mode).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config/config';
import { createCore } from '../server/core';
import { startHttpServer } from '../server/http/http-server';
import { consoleLogger } from '../server/logger';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig({ env: process.env, argv: process.argv.slice(2) });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Atende: invalid configuration — ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const rendererDir = config.rendererDir ?? fileURLToPath(new URL('../../dist/renderer', import.meta.url));
  if (!config.rendererDir && !existsSync(`${rendererDir}/index.html`)) {
    console.log('[atende] renderer not built yet: running `npm run build:renderer` once…');
    const built = spawnSync('npm', ['run', '-s', 'build:renderer'], { cwd: repoRoot, stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const core = await createCore({ config });
  const running = await startHttpServer({ core, host: config.host, port: config.port, rendererDir, log: consoleLogger });
  console.log(`Atende server listening on ${running.url}`);
  console.log(`[atende] data dir: ${config.dataDir}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[atende] ${signal}: shutting down`);
    await running.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`Atende: failed to start — ${(err as Error).message}`);
  process.exit(1);
});
