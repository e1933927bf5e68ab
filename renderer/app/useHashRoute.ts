import { useSyncExternalStore } from 'react';
import { hrefFor, parseLocation, type HashLocation } from './hash-route';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

const readHash = () => window.location.hash;

/** The current route id, following `#/…` changes (links, back/forward, shortcuts). */
export function useHashRoute(): string {
  return parseLocation(useSyncExternalStore(subscribe, readHash, readHash)).routeId;
}

/** The whole current location: route, path parameters and query. */
export function useHashLocation(): HashLocation {
  const hash = useSyncExternalStore(subscribe, readHash, readHash);
  return parseLocation(hash);
}

export function navigate(routeId: string, ...params: string[]): void {
  navigateToHref(hrefFor(routeId, ...params));
}

/** Goes to a `#/…` address (a new history entry, so Back returns). */
export function navigateToHref(href: string): void {
  if (window.location.hash !== href) window.location.hash = href;
}

/** Changes the address without a new history entry (filters typed in the queue). */
export function replaceHref(href: string): void {
  if (window.location.hash === href) return;
  const url = new URL(window.location.href);
  url.hash = href;
  window.history.replaceState(window.history.state, '', url);
  // replaceState fires no hashchange: tell the subscribers ourselves.
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
