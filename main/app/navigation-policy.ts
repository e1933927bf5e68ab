/*
 * Where the desktop renderer may go and what it may ask for. Pure functions, no Electron, so the
 * policy is unit-tested; security.ts applies it.
 */

/** The privileged scheme the renderer is served from (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'atende';
/** The page the main window loads; any path under it falls back to the SPA's index.html. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for URLs of our own renderer (`app://atende/...`): the only place the window may navigate
 * to and the only origin allowed to call the API over IPC. Accepts bare origins too
 * (permission checks pass `app://atende`).
 */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  // Node parses `app:` as a non-special scheme: compare the parts, `origin` would be "null".
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * What to do when the page navigates the window: our own URLs load; a click-to-dial link
 * (`tel:`/`callto:` with a phone number) is handed to the workstation's softphone; anything else
 * is refused.
 */
export function navigationAction(url: string): 'allow' | 'dial' | 'deny' {
  if (isAppUrl(url)) return 'allow';
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'tel:' && parsed.protocol !== 'callto:')) return 'deny';
  // A number only: digits with the usual separators, optional leading +, no parameters or paths.
  // (`callto://+55…` parses the number as the host.)
  let number: string;
  try {
    number = decodeURIComponent(parsed.host + parsed.pathname);
  } catch {
    return 'deny';
  }
  const plausible = /^\+?[0-9 ().-]{3,40}$/.test(number) && (number.match(/[0-9]/g)?.length ?? 0) >= 3;
  return plausible && parsed.search === '' && parsed.hash === '' ? 'dial' : 'deny';
}

/**
 * What to do with a link the page tries to open in a new window: never a new Electron window;
 * https links go to the user's browser, anything else (http, file, custom schemes) is dropped.
 */
export function windowOpenAction(url: string): 'open-external' | 'deny' {
  const parsed = parse(url);
  return parsed?.protocol === 'https:' && parsed.username === '' && parsed.password === ''
    ? 'open-external'
    : 'deny';
}

/** Only our own page may show notifications (screen pops); every other permission is refused. */
export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return permission === 'notifications' && isAppUrl(requestingUrl);
}
