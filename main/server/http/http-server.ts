import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import { WebSocketServer } from 'ws';
import type { Core } from '../core';
import type { Logger } from '../logger';
import { channelRoutes } from './channel-routes';
import { ctiRoutes } from './cti-routes';
import { serveStatic } from './static-files';
import { surveyRoutes } from './survey-routes';

/** An extra HTTP endpoint (webhooks: inbound channels, CTI events, surveys). */
export interface HttpRoute {
  method: 'GET' | 'POST';
  /** Exact path, or a prefix when it ends with `/`. */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

export interface HttpServerOptions {
  core: Core;
  host: string;
  port: number;
  rendererDir: string;
  log: Logger;
  routes?: HttpRoute[];
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Bearer token from `Authorization: Bearer …`. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1] ?? null;
}

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The headless transport: tRPC over HTTP at `/trpc`, subscriptions over WebSocket at `/trpc`
 * (same port), `GET /healthz`, extra routes, and the built renderer at `/`.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<RunningServer> {
  const { core, log } = opts;
  const trpcHandler = createHTTPHandler({
    router: core.router,
    basePath: '/trpc/',
    maxBodySize: MAX_BODY_BYTES,
    createContext: ({ req }) =>
      core.createContext({ token: bearerToken(req), transport: 'http', client: String(req.headers['user-agent'] ?? 'http') }),
    onError: ({ error, path }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error('procedure failed', { path, message: error.message });
    },
  });

  const routes = [...channelRoutes(core), ...ctiRoutes(core), ...surveyRoutes(core), ...(opts.routes ?? [])];
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const pathname = url.split('?')[0] ?? '/';
    if (pathname === '/healthz') {
      // Ready to serve; `kpis` says whether the KPI aggregates are still being built after start-up.
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ ok: true, kpis: core.services.metrics.isReady() ? 'ready' : 'building' }));
      return;
    }
    if (pathname === '/trpc' || pathname.startsWith('/trpc/')) {
      trpcHandler(req, res);
      return;
    }
    const route = routes.find(
      (r) => r.method === req.method && (r.path.endsWith('/') ? pathname.startsWith(r.path) : pathname === r.path),
    );
    if (route) {
      Promise.resolve(route.handle(req, res)).catch((err: unknown) => {
        log.error('route failed', { path: pathname, message: (err as Error).message });
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: 'internal error' }));
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8' }).end('method not allowed');
      return;
    }
    serveStatic(opts.rendererDir, req, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES });
  const wsHandler = applyWSSHandler({
    wss,
    router: core.router,
    keepAlive: { enabled: true, pingMs: 15_000, pongWaitMs: 5_000 },
    createContext: ({ req, info }) =>
      core.createContext({
        token: bearerToken(req) ?? info.connectionParams?.token ?? null,
        transport: 'ws',
        client: String(req.headers['user-agent'] ?? 'ws'),
      }),
  });
  server.on('upgrade', (req, socket, head) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname !== '/trpc' && pathname !== '/trpc/') {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    server,
    port,
    url: `http://${hostForUrl}:${port}`,
    close: async () => {
      wsHandler.broadcastReconnectNotification();
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
