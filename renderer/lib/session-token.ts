/**
 * The browser keeps its bearer token in sessionStorage: it survives a reload but not the end of
 * the tab, and is never shared with other tabs. Desktop mode never sees a token (main keeps it).
 */
const KEY = 'atende.session';

/** Fallback when storage is disabled (privacy mode): the session then lasts as long as the page. */
let inMemory: string | null = null;

export function readSessionToken(): string | null {
  try {
    return sessionStorage.getItem(KEY) ?? inMemory;
  } catch {
    return inMemory;
  }
}

export function writeSessionToken(token: string | null): void {
  inMemory = token;
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Kept in memory only.
  }
}
