import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Same policy as the desktop window: only our own scripts, no inline script, no framing. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
  };
}

/**
 * Resolves a URL path inside `root`; null when it would escape it (`..`, encoded slashes, NUL).
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = resolve(root);
  const target = resolve(base, '.' + normalize('/' + decoded));
  return target === base || target.startsWith(base + sep) ? target : null;
}

/**
 * Serves the built renderer. Paths without an extension fall back to index.html (client routes);
 * hashed assets get long caching, index.html none.
 */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse): void {
  const path = resolveInside(root, req.url ?? '/');
  if (!path) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('bad path');
    return;
  }
  let file = path;
  if (!existsSync(file) || statSync(file).isDirectory()) {
    if (extname(path) !== '') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    file = join(root, 'index.html');
  }
  if (!existsSync(file)) {
    res
      .writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' })
      .end('The renderer is not built. Run `npm run build:renderer` (or `npm run build`).');
    return;
  }
  const isIndex = file.endsWith('index.html');
  res.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': isIndex ? 'no-cache' : 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
