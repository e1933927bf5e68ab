import { OPEN_STATUSES } from '../../../shared/schemas/ticket';
import type { Collection, CollectionName, Collections, StoredRecord } from '../store';

/** Keys a record yields in one index; null/undefined/empty entries are skipped. */
export type IndexKeyFn<T> = (record: T) => readonly (string | null | undefined)[];
export type IndexDefinitions<T, I extends string> = { readonly [K in I]: IndexKeyFn<T> };

type RecordIn<C extends CollectionName> = Collections[C] extends Collection<infer T extends StoredRecord, string> ? T : never;
type IndexIn<C extends CollectionName> = Collections[C] extends Collection<StoredRecord, infer I> ? I : never;

const openStatuses: ReadonlySet<string> = new Set(OPEN_STATUSES);

/*
 * Records loaded from disk are only checked for id and version (see file-schemas.ts), so key
 * functions tolerate a missing array or field instead of failing the whole open.
 */
export const INDEX_DEFINITIONS: { readonly [C in CollectionName]: IndexDefinitions<RecordIn<C>, IndexIn<C>> } = {
  customers: {
    phone: (c) => c.phones ?? [],
    phoneTail: (c) => (c.phones ?? []).map((p) => p.slice(-8)),
    email: (c) => (c.emails ?? []).map((e) => e.toLowerCase()),
    cpf: (c) => [c.cpf],
    handle: (c) => c.handles ?? [],
  },
  users: {
    username: (u) => [u.username],
    extension: (u) => [u.extension],
  },
  sessions: {
    tokenHash: (s) => [s.tokenHash],
    user: (s) => [s.userId],
  },
  teams: {},
  tickets: {
    number: (t) => [t.number === undefined ? null : String(t.number)],
    openByTeam: (t) => (openStatuses.has(t.status) ? [t.teamId ?? 'none'] : []),
    requester: (t) => [t.requesterId],
    assignee: (t) => [t.assigneeId],
    externalThread: (t) => [t.externalThreadId],
  },
  interactions: {
    ticket: (i) => [i.ticketId],
    customer: (i) => [i.customerId],
    externalId: (i) => [i.externalId],
    awaitingWrapUp: (i) => [i.kind === 'call' && i.call?.answeredAt && i.call.endedAt && !i.call.wrapUp ? i.authorId : null],
  },
  surveys: {
    tokenHash: (s) => [s.tokenHash],
    ticket: (s) => [s.ticketId],
    customer: (s) => [s.customerId],
  },
  kbArticles: {},
  kbUses: {
    ticket: (u) => [u.ticketId],
    article: (u) => [u.articleId],
  },
  tasks: {
    open: (t) => [t.status === 'open' ? t.assigneeRole : null],
    ticket: (t) => [t.ticketId],
  },
  macros: {},
  views: {
    owner: (v) => [v.ownerId],
  },
  agentSpans: {
    agent: (s) => [s.agentId],
  },
  orders: {
    customer: (o) => [o.customerId],
    externalId: (o) => [o.externalId],
  },
  audit: {
    entity: (a) => [a.entityId == null ? null : `${a.entity}:${a.entityId}`],
  },
};
