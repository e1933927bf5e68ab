import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf } from '../../../main/app/mime-types';
import { resolveRendererFile } from '../../../main/app/renderer-files';

const root = resolve('/opt/atende/dist/renderer');

describe('resolveRendererFile', () => {
  it('serves files under the renderer folder with their content type', () => {
    expect(resolveRendererFile(root, 'app://atende/index.html')).toEqual({
      ok: true,
      path: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveRendererFile(root, 'app://atende/assets/index-abc123.js?v=1')).toEqual({
      ok: true,
      path: join(root, 'assets', 'index-abc123.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveRendererFile(root, 'app://atende/assets/Inter%20Var.woff2')).toMatchObject({
      ok: true,
      path: join(root, 'assets', 'Inter Var.woff2'),
      contentType: 'font/woff2',
    });
  });

  it('falls back to index.html for client-side routes', () => {
    for (const url of ['app://atende/', 'app://atende', 'app://atende/tickets/42', 'app://atende/customers/ana.silva', 'app://atende/.env']) {
      expect(resolveRendererFile(root, url), url).toMatchObject({ ok: true, path: join(root, 'index.html') });
    }
  });

  it('refuses to leave the renderer folder', () => {
    for (const url of [
      'app://atende/..%2F..%2F..%2Fetc%2Fpasswd.txt',
      'app://atende/assets/..%2F..%2F..%2Fmain%2Findex.js',
      'app://atende/%2e%2e%2f%2e%2e%2fsecret.json',
      'app://atende/..%5C..%5Cwindows%5Cwin.ini.txt',
      'app://atende/index.html%00.png',
    ]) {
      expect(resolveRendererFile(root, url), url).toEqual({ ok: false, status: 403 });
    }
    // The URL parser already folds plain dot segments: they stay inside the folder.
    expect(resolveRendererFile(root, 'app://atende/../../etc/app.js')).toMatchObject({ ok: true, path: join(root, 'etc', 'app.js') });
  });

  it('refuses other hosts, other schemes and bad escapes', () => {
    expect(resolveRendererFile(root, 'app://other/index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveRendererFile(root, 'file:///opt/atende/dist/renderer/index.html')).toEqual({ ok: false, status: 404 });
    expect(resolveRendererFile(root, 'app://atende/%E0%A4%A.js')).toEqual({ ok: false, status: 400 });
  });
});

describe('mimeTypeOf', () => {
  it('knows what a Vite build emits and nothing else', () => {
    expect(mimeTypeOf('a/b/c.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeOf('x.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('x.js.map')).toBe('application/json; charset=utf-8');
    expect(mimeTypeOf('x.exe')).toBeNull();
    expect(mimeTypeOf('README')).toBeNull();
  });
});
