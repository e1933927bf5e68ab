import { VersionConflictError, type CollectionName, type RecordOf, type StoredRecord, type WriteTx } from '../store';
import type { MemoryCollection } from './memory-collection';
import { partitionKeyFor } from './partitioning';

export type AnyCollection = MemoryCollection<StoredRecord, string>;

/** The in-memory state a transaction changes. */
export interface TxTarget {
  collection(name: CollectionName): AnyCollection;
  readonly sequences: Map<string, number>;
  readonly settings: Map<string, unknown>;
  /** Shallow-freeze stored records so accidental mutation by callers throws. */
  readonly freezeRecords: boolean;
}

/** A record the transaction put or deleted, and the partition (file) it lives in. */
export interface TxChange {
  collection: CollectionName;
  id: string;
  partition: string;
}

/**
 * One `Store.write` transaction: applies to memory at once and keeps an undo log, so a thrown
 * error (or a failed flush) can put memory back exactly as it was.
 */
export class StoreWriteTx implements WriteTx {
  /** Changed records by `collection/id`, for the flush plan and the journal. */
  readonly changes = new Map<string, TxChange>();
  sequencesDirty = false;
  settingsDirty = false;
  /** Set when a put failed its version check: the transaction must not commit even if `fn` caught it. */
  failure: Error | undefined;
  private readonly undo: (() => void)[] = [];
  private finished = false;

  constructor(private readonly target: TxTarget) {}

  put<C extends CollectionName>(collection: C, record: RecordOf<C>, expectedVersion?: number): RecordOf<C> {
    this.assertUsable();
    const col = this.target.collection(collection);
    const id = (record as StoredRecord | undefined)?.id;
    if (typeof id !== 'string' || id === '') throw new TypeError(`${collection}: put needs a record with a non-empty string id`);
    const current = col.get(id);
    const actual = current?.version ?? 0;
    if (expectedVersion !== undefined && actual !== expectedVersion) {
      this.failure = new VersionConflictError(collection, id, expectedVersion, actual);
      throw this.failure;
    }
    const partition = (current && col.partitionOf(id)) ?? partitionKeyFor(collection, record);
    // A copy: the caller's object stays theirs, and the stored one is never mutated in place.
    const stored = { ...record, version: actual + 1 };
    if (this.target.freezeRecords) Object.freeze(stored);
    const prior = col.set(stored, partition);
    this.undo.push(prior ? () => col.set(prior.record, prior.partition) : () => col.remove(id));
    this.changes.set(`${collection}/${id}`, { collection, id, partition });
    return stored;
  }

  delete(collection: CollectionName, id: string): void {
    this.assertUsable();
    const col = this.target.collection(collection);
    const prior = col.remove(id);
    if (!prior) return;
    this.undo.push(() => col.set(prior.record, prior.partition));
    this.changes.set(`${collection}/${id}`, { collection, id, partition: prior.partition });
  }

  nextSequence(name: string): number {
    this.assertUsable();
    const { sequences } = this.target;
    const before = sequences.get(name);
    const next = (before ?? 0) + 1;
    sequences.set(name, next);
    this.undo.push(() => (before === undefined ? sequences.delete(name) : sequences.set(name, before)));
    this.sequencesDirty = true;
    return next;
  }

  /** Sets (or, with `undefined`, removes) a setting; the value is stored as a JSON copy. */
  setSetting(key: string, value: unknown): void {
    this.assertUsable();
    const { settings } = this.target;
    const had = settings.has(key);
    const before = settings.get(key);
    if (value === undefined) settings.delete(key);
    else settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
    this.undo.push(() => (had ? settings.set(key, before) : settings.delete(key)));
    this.settingsDirty = true;
  }

  /** True when the transaction wrote nothing. */
  isEmpty(): boolean {
    return this.changes.size === 0 && !this.sequencesDirty && !this.settingsDirty;
  }

  /** Ends the transaction: later calls (e.g. after an `await` inside `fn`) throw. */
  finish(): void {
    this.finished = true;
  }

  /** Reverts every change of this transaction, newest first. */
  rollback(): void {
    for (let i = this.undo.length - 1; i >= 0; i--) this.undo[i]?.();
    this.undo.length = 0;
    this.changes.clear();
    this.sequencesDirty = this.settingsDirty = false;
  }

  private assertUsable(): void {
    if (this.finished) throw new Error('write transaction already finished: the function given to Store.write must be synchronous');
    if (this.failure) throw this.failure;
  }
}
