/**
 * Screen-pop latency end to end: 100k customers in the store, a fake Asterisk sending real AMI
 * ring events over TCP, the core's AMI adapter and CTI service, and an agent's tRPC subscription
 * over the real WebSocket transport. Measured from the PBX writing the events to the agent's
 * client receiving the pop with the caller's 360°.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, createWSClient, httpBatchLink, wsLink } from '@trpc/client';
import WebSocket from 'ws';
import { ConfigSchema } from '../../main/config/config.schema';
import { DEMO_PASSWORD, generateFloor, loadFloor } from '../../main/domain/demo/index';
import type { ScreenPop } from '../../main/domain/telephony/screen-pop';
import { createCore } from '../../main/server/core';
import { startHttpServer } from '../../main/server/http/http-server';
import { silentLogger } from '../../main/server/logger';
import type { AppRouter } from '../../main/server/router';
import { openStore } from '../../main/store/index';
import { FakePbx } from '../fixtures/fake-pbx';
import { BENCH_NOW } from './bench-floor';
import { percentile, round, type BenchResult } from './harness';

const CUSTOMERS = 100_000;
const CALLS = 300;
const WARMUP = 20;

export default async function screenPopBench(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'atende-bench-pop-'));
  const pbx = await FakePbx.start();
  try {
    const seedStore = await openStore({ dir, fsync: false });
    await loadFloor(seedStore, generateFloor({ customers: CUSTOMERS, tickets: 20_000, days: 30, seed: 11, now: BENCH_NOW }), { passwords: () => DEMO_PASSWORD, now: BENCH_NOW, batchSize: 20_000 });
    const callers = [...seedStore.customers.values()].filter((c) => c.phones.length > 0).map((c) => c.phones[0] as string);
    await seedStore.close();

    const config = ConfigSchema.parse({
      dataDir: dir,
      adminPassword: 'bench-admin-password',
      ami: { enabled: true, host: pbx.host, port: pbx.port, username: 'atende', secret: 'atende-secret', ping: { intervalMs: 60_000, timeoutMs: 5_000 } },
    });
    const core = await createCore({ config, log: silentLogger });
    const server = await startHttpServer({ core, host: '127.0.0.1', port: 0, rendererDir: dir, log: silentLogger });
    await pbx.waitForLogin(1);
    const http = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
    const { token } = await http.auth.login.mutate({ username: 'agente1', password: DEMO_PASSWORD });
    const wsClient = createWSClient({ url: `${server.url.replace('http', 'ws')}/trpc`, WebSocket: WebSocket as never, connectionParams: () => ({ token: token ?? '' }) });
    const ws = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
    const waiting = new Map<string, (pop: ScreenPop) => void>();
    await new Promise<void>((resolve, reject) => {
      ws.cti.onScreenPop.subscribe(undefined, { onStarted: () => resolve(), onData: (p) => waiting.get((p as ScreenPop).callId)?.(p as ScreenPop), onError: reject });
    });

    const samples: number[] = [];
    let matched = 0;
    for (let i = 0; i < CALLS + WARMUP; i++) {
      const e164 = callers[(i * 7919) % callers.length] as string;
      // The PBX delivers national format with trunk prefix: 0 + DDD + number.
      const ani = `0${e164.slice(3)}`;
      const callId = `bench.${i}`;
      const received = new Promise<ScreenPop>((resolve) => waiting.set(callId, resolve));
      const t0 = performance.now();
      await pbx.ringAgent({ callId, ani, extension: '2001', queue: 'atendimento' });
      const pop = await received;
      const ms = performance.now() - t0;
      waiting.delete(callId);
      if (i >= WARMUP) {
        samples.push(ms);
        if (pop.view) matched++;
      }
      await pbx.hangup(callId);
    }
    wsClient.close();
    await server.close();
    await core.close();
    const info = { customers: CUSTOMERS, calls: CALLS, matchedWith360: matched, transport: 'AMI/TCP → core → tRPC WebSocket' };
    return [
      { bench: 'screen_pop', metric: 'pop_p50', value: round(percentile(samples, 50)), unit: 'ms', info },
      { bench: 'screen_pop', metric: 'pop_p99', value: round(percentile(samples, 99)), unit: 'ms', bound: 25, info },
    ];
  } finally {
    await pbx.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
