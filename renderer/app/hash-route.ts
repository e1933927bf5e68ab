import { DEFAULT_ROUTE } from './routes';

/**
 * Hash routes (`#/queue`, `#/tickets/<id>`, `#/queue?status=open`): they work the same from
 * `http://host/` and `app://atende/index.html` and need no server fallback.
 */
export interface HashLocation {
  /** First path segment, or the default route. */
  routeId: string;
  /** The path segments after the first one, decoded (`['tkt_123']` for `#/tickets/tkt_123`). */
  params: string[];
  /** The query part, without `?` (`status=open&text=boleto`). */
  search: string;
}

export function parseLocation(hash: string): HashLocation {
  const raw = hash.replace(/^#\/?/, '');
  const queryAt = raw.indexOf('?');
  const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const search = queryAt === -1 ? '' : raw.slice(queryAt + 1);
  const segments = path.split('/').filter(Boolean).map(safeDecode);
  const [first, ...params] = segments;
  return { routeId: first ?? DEFAULT_ROUTE, params, search };
}

/** Returns the first path segment, or the default route. */
export function parseHash(hash: string): string {
  return parseLocation(hash).routeId;
}

export function hrefFor(routeId: string, ...params: string[]): string {
  return `#/${[routeId, ...params].map(encodeURIComponent).join('/')}`;
}

/** `#/queue?status=open`: a route with a query (empty query → no `?`). */
export function hrefWithSearch(routeId: string, search: string): string {
  return search ? `${hrefFor(routeId)}?${search}` : hrefFor(routeId);
}

export const ticketHref = (ticketId: string) => hrefFor('tickets', ticketId);
export const customerHref = (customerId: string) => hrefFor('customers', customerId);

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
