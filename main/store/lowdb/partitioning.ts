import type { CollectionName, StoredRecord } from '../store';

/**
 * How a collection is split into files. `time`: by creation month (UTC) and a hash shard of the
 * id, for collections that only grow; `hash`: by id-hash shard only, for reference data.
 */
export interface PartitionPlan {
  kind: 'time' | 'hash';
  /** Shards per month (time) or in total (hash); at most 256 so a shard is two hex digits. */
  shards: number;
}

/**
 * Shard counts sized so a file stays under ~2 MB at 100k tickets / 1M interactions over 90 days
 * (~33k tickets and ~330k interactions a month): tickets 33k × ~0.7 KB / 64 ≈ 0.4 MB,
 * interactions 330k × ~0.8 KB / 256 ≈ 1 MB, audit (a few events per change) / 128 ≈ 1 MB.
 * Changing a count later is safe: a record stays in the file it was first written to.
 */
export const PARTITION_PLANS: Readonly<Record<CollectionName, PartitionPlan>> = {
  tickets: { kind: 'time', shards: 64 },
  interactions: { kind: 'time', shards: 256 },
  audit: { kind: 'time', shards: 128 },
  surveys: { kind: 'time', shards: 16 },
  sessions: { kind: 'time', shards: 4 },
  customers: { kind: 'hash', shards: 128 },
  users: { kind: 'hash', shards: 4 },
  teams: { kind: 'hash', shards: 1 },
  kbArticles: { kind: 'hash', shards: 16 },
  kbUses: { kind: 'time', shards: 4 },
  tasks: { kind: 'time', shards: 4 },
  macros: { kind: 'hash', shards: 1 },
  views: { kind: 'hash', shards: 4 },
  orders: { kind: 'time', shards: 32 },
  agentSpans: { kind: 'time', shards: 8 },
};

export const COLLECTION_NAMES = Object.keys(PARTITION_PLANS) as readonly CollectionName[];

/** What a partition key (and so a file name, `<key>.json`) may look like. */
export const PARTITION_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** FNV-1a (32 bit): stable across runs and platforms, unlike anything seeded. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function shardOf(id: string, shards: number): string {
  return (fnv1a(id) % shards).toString(16).padStart(2, '0');
}

/** UTC `YYYY-MM` of an ISO instant, or `undated` when there is none to read. */
function monthOf(createdAt: unknown): string {
  if (typeof createdAt !== 'string') return 'undated';
  const ms = Date.parse(createdAt);
  return Number.isNaN(ms) ? 'undated' : new Date(ms).toISOString().slice(0, 7);
}

/**
 * The partition a new record goes to. Derived only from `id` and `createdAt`, which never change;
 * the store still remembers each record's partition, so an update never moves a record.
 */
export function partitionKeyFor(collection: CollectionName, record: StoredRecord & { createdAt?: unknown }): string {
  const plan = PARTITION_PLANS[collection];
  const shard = shardOf(record.id, plan.shards);
  return plan.kind === 'time' ? `${monthOf(record.createdAt)}.${shard}` : `s${shard}`;
}
