import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Stand-ins for the Electron APIs the glue touches: the real module cannot load on Node.
const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn() },
  shell: { openExternal: vi.fn(async () => undefined) },
}));
vi.mock('electron', () => electron);

const { registerAppScheme, serveRenderer } = await import('../../../main/app/protocol');
const { hardenAllWebContents, hardenSession } = await import('../../../main/app/security');
const { CONTENT_SECURITY_POLICY } = await import('../../../main/app/content-security-policy');

type Handler = (request: { url: string }) => Promise<Response>;

function fakeSession() {
  const captured: {
    handler?: Handler;
    scheme?: string;
    permissionRequest?: (wc: unknown, permission: string, cb: (ok: boolean) => void, details: { requestingUrl: string }) => void;
    permissionCheck?: (wc: unknown, permission: string, origin: string) => boolean;
    headers?: (details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void;
  } = {};
  const session = {
    protocol: {
      handle: (scheme: string, handler: Handler) => {
        captured.scheme = scheme;
        captured.handler = handler;
      },
    },
    setPermissionRequestHandler: (fn: typeof captured.permissionRequest) => (captured.permissionRequest = fn),
    setPermissionCheckHandler: (fn: typeof captured.permissionCheck) => (captured.permissionCheck = fn),
    webRequest: { onHeadersReceived: (fn: typeof captured.headers) => (captured.headers = fn) },
  };
  return { session: session as never, captured };
}

describe('app:// protocol', () => {
  const parent = mkdtempSync(join(tmpdir(), 'atende-dist-'));
  const root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Atende</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(parent, 'outside-secret.json'), '{"secret":true}');
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  const { session, captured } = fakeSession();
  serveRenderer(session, root);
  const get = (url: string) => (captured.handler as Handler)({ url });

  it('registers app as a privileged standard, secure scheme', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(captured.scheme).toBe('app');
  });

  it('serves files with their type and the CSP', async () => {
    const res = await get('app://atende/assets/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for routes and 404s missing assets', async () => {
    const route = await get('app://atende/tickets/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Atende</title>');
    expect((await get('app://atende/assets/missing.js')).status).toBe(404);
  });

  it('refuses traversal out of the renderer folder', async () => {
    const res = await get('app://atende/..%2Foutside-secret.json');
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
  });
});

describe('security hardening', () => {
  it('blocks foreign navigation, new windows and webviews on every webContents', () => {
    const app = new EventEmitter();
    hardenAllWebContents(app as never);
    const contents = new EventEmitter() as EventEmitter & { setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => void };
    let openHandler: ((d: { url: string }) => unknown) | undefined;
    contents.setWindowOpenHandler = (fn) => (openHandler = fn);
    app.emit('web-contents-created', {}, contents);

    const navigate = (event: string, url: string) => {
      const e = { preventDefault: vi.fn() };
      contents.emit(event, e, url);
      return e.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'app://atende/index.html')).toBe(false);
    expect(navigate('will-redirect', 'https://evil.example/')).toBe(true);
    expect(navigate('will-attach-webview', 'app://atende/')).toBe(true);

    expect(openHandler?.({ url: 'https://kb.example/a' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://kb.example/a');
    electron.shell.openExternal.mockClear();
    expect(openHandler?.({ url: 'http://kb.example/a' })).toEqual({ action: 'deny' });
    expect(openHandler?.({ url: 'file:///bin/sh' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('allows notifications for our page only and stamps the CSP on responses', () => {
    const { session, captured } = fakeSession();
    hardenSession(session);
    const ask = (permission: string, requestingUrl: string) => {
      let answer: boolean | undefined;
      captured.permissionRequest?.({}, permission, (ok) => (answer = ok), { requestingUrl });
      return answer;
    };
    expect(ask('notifications', 'app://atende/index.html')).toBe(true);
    expect(ask('media', 'app://atende/index.html')).toBe(false);
    expect(ask('notifications', 'https://evil.example/')).toBe(false);
    expect(captured.permissionCheck?.({}, 'notifications', 'app://atende')).toBe(true);
    expect(captured.permissionCheck?.({}, 'geolocation', 'app://atende')).toBe(false);

    let headers: Record<string, string[]> | undefined;
    captured.headers?.({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
