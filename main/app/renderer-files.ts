import { isAbsolute, relative, resolve, sep } from 'node:path';
import { mimeTypeOf } from './mime-types';
import { isAppUrl } from './navigation-policy';

/** Where an `app://` request maps to: a file inside the renderer folder, or a refusal status. */
export type RendererFileResolution =
  | { ok: true; path: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps an `app://atende/...` URL to a file under `rootDir`. Paths that are not files we serve
 * (no known extension: client-side routes like `/tickets/42` or `/customers/ana.silva`) get
 * index.html, so the SPA can route them. Anything that would leave `rootDir` is refused.
 */
export function resolveRendererFile(rootDir: string, requestUrl: string): RendererFileResolution {
  if (!isAppUrl(requestUrl)) return { ok: false, status: 404 };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // A NUL or a backslash never appears in our file names; either one is an attempt to fool
  // the path join (a backslash is a separator on Windows).
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 403 };
  if (mimeTypeOf(pathname) === null) pathname = '/index.html';

  const root = resolve(rootDir);
  const full = resolve(root, `.${pathname}`);
  const rel = relative(root, full);
  if (rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..') return { ok: false, status: 403 };
  return { ok: true, path: full, contentType: mimeTypeOf(full) ?? 'application/octet-stream' };
}
