import type { Collection, StoredRecord } from '../store';
import type { IndexDefinitions, IndexKeyFn } from './index-definitions';

/** Where a record was before a change, for undo. */
export interface PriorState<T> {
  record: T;
  partition: string;
}

const NO_KEYS: readonly string[] = [];

/**
 * One collection in memory: records by id, the partition (file) of each record, and secondary
 * indexes as Map<key, Set<id>>. Reads are public (the `Collection` interface); mutation is for the
 * store's transactions only.
 */
export class MemoryCollection<T extends StoredRecord, I extends string = never> implements Collection<T, I> {
  private readonly records = new Map<string, T>();
  private readonly partitionById = new Map<string, string>();
  private readonly idsByPartition = new Map<string, Set<string>>();
  private readonly indexes = new Map<I, Map<string, Set<string>>>();
  private readonly keyFns: [I, IndexKeyFn<T>][];

  constructor(
    readonly name: string,
    definitions: IndexDefinitions<T, I>,
  ) {
    this.keyFns = Object.entries(definitions) as [I, IndexKeyFn<T>][];
    for (const [index] of this.keyFns) this.indexes.set(index, new Map());
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  size(): number {
    return this.records.size;
  }

  values(): IterableIterator<T> {
    return this.records.values();
  }

  byIndex(index: I, key: string): T[] {
    const ids = this.indexMap(index).get(key);
    if (!ids) return [];
    const out: T[] = [];
    for (const id of ids) {
      const record = this.records.get(id);
      if (record) out.push(record);
    }
    return out;
  }

  countByIndex(index: I, key: string): number {
    return this.indexMap(index).get(key)?.size ?? 0;
  }

  indexKeys(index: I): IterableIterator<string> {
    return this.indexMap(index).keys();
  }

  /** The partition holding `id`, if stored. */
  partitionOf(id: string): string | undefined {
    return this.partitionById.get(id);
  }

  /** Records of one partition, as they should be written to its file. */
  partitionRecords(partition: string): T[] {
    const out: T[] = [];
    for (const id of this.idsByPartition.get(partition) ?? []) out.push(this.records.get(id) as T);
    return out;
  }

  partitionCount(): number {
    return this.idsByPartition.size;
  }

  /**
   * Stores `record` (replacing any record with its id) in `partition`, updating indexes.
   * Returns the prior state for undo. The caller guarantees a stored record keeps its partition.
   */
  set(record: T, partition: string): PriorState<T> | undefined {
    const previous = this.records.get(record.id);
    const previousPartition = this.partitionById.get(record.id);
    this.records.set(record.id, record);
    if (previousPartition !== partition) {
      if (previousPartition !== undefined) this.leavePartition(record.id, previousPartition);
      this.partitionById.set(record.id, partition);
      let ids = this.idsByPartition.get(partition);
      if (!ids) this.idsByPartition.set(partition, (ids = new Set()));
      ids.add(record.id);
    }
    for (const [index, keyFn] of this.keyFns) {
      const before = previous ? keysOf(keyFn, previous) : NO_KEYS;
      const after = keysOf(keyFn, record);
      if (sameKeys(before, after)) continue;
      const map = this.indexMap(index);
      for (const key of before) if (!after.includes(key)) removeFrom(map, key, record.id);
      for (const key of after) if (!before.includes(key)) addTo(map, key, record.id);
    }
    return previous && previousPartition !== undefined ? { record: previous, partition: previousPartition } : undefined;
  }

  /** Removes `id` and its index entries; returns the prior state for undo. */
  remove(id: string): PriorState<T> | undefined {
    const previous = this.records.get(id);
    const partition = this.partitionById.get(id);
    if (!previous || partition === undefined) return undefined;
    this.records.delete(id);
    this.partitionById.delete(id);
    this.leavePartition(id, partition);
    for (const [index, keyFn] of this.keyFns) {
      const map = this.indexMap(index);
      for (const key of keysOf(keyFn, previous)) removeFrom(map, key, id);
    }
    return { record: previous, partition };
  }

  private leavePartition(id: string, partition: string): void {
    // An emptied partition stays known (as an empty set) so its file is rewritten empty, not left stale.
    this.idsByPartition.get(partition)?.delete(id);
  }

  private indexMap(index: I): Map<string, Set<string>> {
    const map = this.indexes.get(index);
    if (!map) throw new Error(`${this.name} has no index "${index}"`);
    return map;
  }
}

function keysOf<T>(keyFn: IndexKeyFn<T>, record: T): readonly string[] {
  const out: string[] = [];
  for (const key of keyFn(record)) if (typeof key === 'string' && key !== '' && !out.includes(key)) out.push(key);
  return out;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

function addTo(map: Map<string, Set<string>>, key: string, id: string): void {
  let ids = map.get(key);
  if (!ids) map.set(key, (ids = new Set()));
  ids.add(id);
}

function removeFrom(map: Map<string, Set<string>>, key: string, id: string): void {
  const ids = map.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) map.delete(key);
}
