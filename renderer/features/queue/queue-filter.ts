import { CHANNELS, type Channel } from '../../../shared/schemas/common';
import type { QueueScope } from '../../../shared/schemas/queue';
import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '../../../shared/schemas/ticket';

/**
 * The queue's filter as the screen holds it, and its round trip through the address
 * (`#/queue?status=open,pending&text=boleto`): a filtered queue can be bookmarked, shared and
 * returned to with Back. Anything unknown in the address is dropped, never sent to the server.
 */
export interface QueueFilterState {
  /** Absent: the server's default for the role (agents `mine`, supervisors `all`). */
  scope?: QueueScope;
  status: TicketStatus[];
  channel: Channel[];
  priority: Priority[];
  teamId: string[];
  tag: string[];
  /** `me`, `unassigned` or a user id. */
  assignee: string[];
  text: string;
}

export type ListKey = 'status' | 'channel' | 'priority' | 'teamId' | 'tag' | 'assignee';
export const LIST_KEYS: readonly ListKey[] = ['status', 'channel', 'priority', 'teamId', 'tag', 'assignee'];

const SCOPES: readonly QueueScope[] = ['mine', 'teams', 'all'];
/** Ids and tags as the server accepts them (IdSchema, TagSchema). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const TAG = /^[^\s,]{1,40}$/u;
const TEXT_MAX = 200;
const LIMITS: Record<ListKey, number> = { status: 6, channel: 6, priority: 4, teamId: 50, tag: 20, assignee: 50 };

export function emptyFilter(): QueueFilterState {
  return { status: [], channel: [], priority: [], teamId: [], tag: [], assignee: [], text: '' };
}

const allowed: Record<ListKey, (value: string) => boolean> = {
  status: (v) => (TICKET_STATUSES as readonly string[]).includes(v),
  channel: (v) => (CHANNELS as readonly string[]).includes(v),
  priority: (v) => (PRIORITIES as readonly string[]).includes(v),
  teamId: (v) => ID.test(v),
  tag: (v) => TAG.test(v),
  assignee: (v) => ID.test(v),
};

/** The order values are kept in: the option order for enums, alphabetical for the rest. */
function canonical(key: ListKey, values: readonly string[]): string[] {
  const unique = [...new Set(values)].filter(allowed[key]);
  const order: readonly string[] | null = key === 'status' ? TICKET_STATUSES : key === 'channel' ? CHANNELS : key === 'priority' ? PRIORITIES : null;
  const sorted = order ? unique.sort((a, b) => order.indexOf(a) - order.indexOf(b)) : unique.sort();
  return sorted.slice(0, LIMITS[key]);
}

/** A filter in its canonical form (deduplicated, ordered, trimmed), so equal filters compare equal. */
export function normalizeFilter(filter: Partial<QueueFilterState>): QueueFilterState {
  const out = emptyFilter();
  if (filter.scope && SCOPES.includes(filter.scope)) out.scope = filter.scope;
  for (const key of LIST_KEYS) (out[key] as string[]) = canonical(key, (filter[key] as string[] | undefined) ?? []);
  out.text = (filter.text ?? '').trim().slice(0, TEXT_MAX);
  return out;
}

/** Address query of a filter: only what is set, lists comma-separated. */
export function filterToSearch(filter: QueueFilterState): string {
  const f = normalizeFilter(filter);
  const params = new URLSearchParams();
  if (f.scope) params.set('scope', f.scope);
  for (const key of LIST_KEYS) if (f[key].length > 0) params.set(key, f[key].join(','));
  if (f.text) params.set('text', f.text);
  return params.toString();
}

export function filterFromSearch(search: string): QueueFilterState {
  const params = new URLSearchParams(search);
  const list = (key: ListKey) => (params.get(key) ?? '').split(',').map((v) => v.trim()).filter(Boolean);
  const scope = params.get('scope');
  return normalizeFilter({
    ...(scope && (SCOPES as readonly string[]).includes(scope) ? { scope: scope as QueueScope } : {}),
    status: list('status') as TicketStatus[],
    channel: list('channel') as Channel[],
    priority: list('priority') as Priority[],
    teamId: list('teamId'),
    tag: list('tag'),
    assignee: list('assignee'),
    text: params.get('text') ?? '',
  });
}

export function sameFilter(a: Partial<QueueFilterState>, b: Partial<QueueFilterState>): boolean {
  return filterToSearch(normalizeFilter(a)) === filterToSearch(normalizeFilter(b));
}

/** How many filter fields are set (the scope is a view, not a filter). */
export function activeFilterCount(filter: QueueFilterState): number {
  return LIST_KEYS.filter((key) => filter[key].length > 0).length + (filter.text.trim() ? 1 : 0);
}

/** The filter for the API (`tickets.list`, `views.save`): the same fields, scope only when chosen. */
export function toApiFilter(filter: QueueFilterState) {
  const f = normalizeFilter(filter);
  return { ...(f.scope ? { scope: f.scope } : {}), status: f.status, channel: f.channel, priority: f.priority, teamId: f.teamId, tag: f.tag, assignee: f.assignee, text: f.text };
}
