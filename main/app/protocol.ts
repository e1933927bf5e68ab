import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { CONTENT_SECURITY_POLICY } from './content-security-policy';
import { APP_SCHEME } from './navigation-policy';
import { resolveRendererFile } from './renderer-files';

/**
 * Declares `app://` a standard, secure scheme, so the renderer gets a real origin (storage,
 * module scripts, fetch) without `file://`'s ambient access. Must run before `app` is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true, stream: true },
    },
  ]);
}

/** Serves the built renderer (`dist/renderer`) on `app://atende/` in `session`. */
export function serveRenderer(session: Session, rootDir: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveRendererFile(rootDir, request.url);
    if (!file.ok) return new Response(null, { status: file.status });
    let body: Buffer;
    try {
      // fs is asar-aware in Electron, so this reads from app.asar when packaged.
      body = await readFile(file.path);
    } catch {
      return new Response(null, { status: 404 });
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  });
}
