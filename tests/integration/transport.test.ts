import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { createTRPCClient, createWSClient, httpBatchLink, wsLink } from '@trpc/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startHttpServer, type RunningServer } from '../../main/server/http/http-server';
import { silentLogger } from '../../main/server/logger';
import type { AppRouter } from '../../main/server/router';
import { ADMIN_PASSWORD, createTestCore, type TestCore } from './helpers/test-core';

let t: TestCore;
let server: RunningServer;
let rendererDir: string;

beforeEach(async () => {
  t = await createTestCore();
  rendererDir = join(t.dir, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Atende</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startHttpServer({ core: t.core, host: '127.0.0.1', port: 0, rendererDir, log: silentLogger });
});
afterEach(async () => {
  await server.close();
  await t.close();
});

function rawGet(port: number, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}

function httpClient(token: string | null) {
  return createTRPCClient<AppRouter>({
    links: [httpBatchLink({ url: `${server.url}/trpc`, headers: () => (token ? { Authorization: `Bearer ${token}` } : {}) })],
  });
}

describe('HTTP transport', () => {
  it('answers /healthz, serves the renderer with a CSP and refuses path traversal', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>Atende</title>');
    expect((await fetch(`${server.url}/queue/123`)).status).toBe(200); // client route → index.html
    expect((await fetch(`${server.url}/assets/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    // Raw request paths (fetch would normalize them) must never reach outside the renderer dir.
    for (const raw of ['/../../../../etc/passwd', '/..%2f..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/hostname']) {
      const body = await rawGet(server.port, raw);
      expect(body, raw).not.toMatch(/root:|^[a-z0-9-]+\n$/);
    }
  });

  it('returns HTTP 401 without a session, and works with a Bearer token', async () => {
    const res = await fetch(`${server.url}/trpc/auth.me`);
    expect(res.status).toBe(401);
    const { token } = await httpClient(null).auth.login.mutate({ username: 'admin', password: ADMIN_PASSWORD });
    expect(token).toBeTruthy();
    const me = await httpClient(token).auth.me.query();
    expect(me.username).toBe('admin');
    const raw = await fetch(`${server.url}/trpc/auth.me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(raw.status).toBe(200);
  });

  it('answers malformed input with 400 and the zod field errors', async () => {
    const { token } = await httpClient(null).auth.login.mutate({ username: 'admin', password: ADMIN_PASSWORD });
    const res = await fetch(`${server.url}/trpc/customers.create`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '', phones: ['x'] }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { data: { zodError: { fieldErrors: Record<string, string[]> } } } };
    expect(Object.keys(body.error.data.zodError.fieldErrors)).toEqual(expect.arrayContaining(['name', 'phones']));
  });
});

describe('WebSocket transport', () => {
  it('delivers subscriptions to an authenticated client (token in connection params)', async () => {
    const http = httpClient(null);
    const { token } = await http.auth.login.mutate({ username: 'admin', password: ADMIN_PASSWORD });
    const wsClient = createWSClient({ url: `${server.url.replace('http', 'ws')}/trpc`, WebSocket: WebSocket as never, connectionParams: () => ({ token: token ?? '' }) });
    const ws = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
    const authed = httpClient(token);
    const customer = await authed.customers.create.mutate({ name: 'Cliente WS', phones: ['21987654321'] });

    const received = new Promise<{ ticketId: string; kind: string }>((resolve, reject) => {
      const sub = ws.tickets.onChange.subscribe(undefined, {
        onStarted: () => void authed.tickets.create.mutate({ subject: 'Pedido atrasado', channel: 'whatsapp', requesterId: customer.id }).catch(reject),
        onData: (d) => {
          sub.unsubscribe();
          resolve(d);
        },
        onError: reject,
      });
    });
    const event = await received;
    expect(event.kind).toBe('created');
    expect(t.core.services.store.tickets.get(event.ticketId)?.subject).toBe('Pedido atrasado');
    wsClient.close();
  });

  it('refuses subscriptions without a session', async () => {
    const wsClient = createWSClient({ url: `${server.url.replace('http', 'ws')}/trpc`, WebSocket: WebSocket as never });
    const ws = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
    const code = await new Promise<string | undefined>((resolve) => {
      ws.system.heartbeat.subscribe(undefined, { onData: () => resolve('DATA'), onError: (e) => resolve(e.data?.code) });
    });
    expect(code).toBe('UNAUTHORIZED');
    wsClient.close();
  });
});
