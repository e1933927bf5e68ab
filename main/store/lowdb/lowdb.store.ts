import { Low } from 'lowdb';
import type { AgentSpan, AuditEvent, Customer, Interaction, KbArticle, KbUse, Macro, Order, SavedView, Session, Survey, Task, Team, Ticket, User } from '../../../shared/schemas';
import { StoreWriteError, type CollectionName, type CommittedChange, type Store, type WriteTx } from '../store';
import { AtomicJsonAdapter, AtomicWriteError, type StoreIo } from './atomic-json.adapter';
import { MetaFileSchema, PartitionFileSchema, SettingsFileSchema, type JournalFile, type MetaFile, type PartitionFile, type SettingsFile } from './file-schemas';
import { FlushError, GroupCommitter } from './group-committer';
import { INDEX_DEFINITIONS } from './index-definitions';
import { MemoryCollection } from './memory-collection';
import type { LoadTarget } from './store-loader';
import type { StoreLock } from './store-lock';
import type { StorePaths } from './store-paths';
import { StoreWriteTx, type AnyCollection, type TxChange } from './store-write-tx';

export interface LowdbStoreParts {
  paths: StorePaths;
  fsync: boolean;
  io: StoreIo;
  lock: StoreLock;
  schemaVersion: number;
  /** Last journal sequence used on disk, so new journals sort after any left behind. */
  journalSeq: number;
  freezeRecords: boolean;
}

/** What one group commit writes: lowdb handles whose `data` already holds the snapshot. */
interface FlushPlan {
  files: { write(): Promise<void> }[];
  journal: JournalFile | undefined;
}

/**
 * The embedded store: every collection in memory, persisted as lowdb JSON files (one `Low` per
 * partition) under `<dataDir>/store/`. Open it with `openStore` (main/store/index.ts).
 *
 * Records handed out by reads are the stored objects themselves (shallow-frozen by default):
 * callers must treat them as read-only and change data through `write`.
 */
export class LowdbStore implements Store, LoadTarget {
  readonly customers = new MemoryCollection<Customer, 'phone' | 'phoneTail' | 'email' | 'cpf' | 'handle'>('customers', INDEX_DEFINITIONS.customers);
  readonly users = new MemoryCollection<User, 'username' | 'extension'>('users', INDEX_DEFINITIONS.users);
  readonly sessions = new MemoryCollection<Session, 'tokenHash' | 'user'>('sessions', INDEX_DEFINITIONS.sessions);
  readonly teams = new MemoryCollection<Team>('teams', INDEX_DEFINITIONS.teams);
  readonly tickets = new MemoryCollection<Ticket, 'number' | 'openByTeam' | 'requester' | 'assignee' | 'externalThread'>('tickets', INDEX_DEFINITIONS.tickets);
  readonly interactions = new MemoryCollection<Interaction, 'ticket' | 'customer' | 'externalId' | 'awaitingWrapUp'>('interactions', INDEX_DEFINITIONS.interactions);
  readonly surveys = new MemoryCollection<Survey, 'tokenHash' | 'ticket' | 'customer'>('surveys', INDEX_DEFINITIONS.surveys);
  readonly kbArticles = new MemoryCollection<KbArticle>('kbArticles', INDEX_DEFINITIONS.kbArticles);
  readonly kbUses = new MemoryCollection<KbUse, 'ticket' | 'article'>('kbUses', INDEX_DEFINITIONS.kbUses);
  readonly tasks = new MemoryCollection<Task, 'open' | 'ticket'>('tasks', INDEX_DEFINITIONS.tasks);
  readonly macros = new MemoryCollection<Macro>('macros', INDEX_DEFINITIONS.macros);
  readonly views = new MemoryCollection<SavedView, 'owner'>('views', INDEX_DEFINITIONS.views);
  readonly orders = new MemoryCollection<Order, 'customer' | 'externalId'>('orders', INDEX_DEFINITIONS.orders);
  readonly agentSpans = new MemoryCollection<AgentSpan, 'agent'>('agentSpans', INDEX_DEFINITIONS.agentSpans);
  readonly audit = new MemoryCollection<AuditEvent, 'entity'>('audit', INDEX_DEFINITIONS.audit);

  readonly sequences = new Map<string, number>();
  readonly settings = new Map<string, unknown>();
  readonly schemaVersion: number;
  readonly freezeRecords: boolean;
  readonly metaLow: Low<MetaFile>;
  readonly settingsLow: Low<SettingsFile>;

  private readonly parts: LowdbStoreParts;
  private readonly partitionLows = new Map<string, Low<PartitionFile>>();
  private readonly committer = new GroupCommitter<StoreWriteTx>((group) => this.flush(group));
  private activeTx: StoreWriteTx | undefined;
  private readonly commitListeners = new Set<(changes: readonly CommittedChange[]) => void>();
  private journalSeq: number;
  private closing: Promise<void> | undefined;

  constructor(parts: LowdbStoreParts) {
    this.parts = parts;
    this.schemaVersion = parts.schemaVersion;
    this.freezeRecords = parts.freezeRecords;
    this.journalSeq = parts.journalSeq;
    const fileOptions = { fsync: parts.fsync, io: parts.io };
    this.metaLow = new Low(new AtomicJsonAdapter(parts.paths.meta, MetaFileSchema, fileOptions), { schemaVersion: this.schemaVersion, sequences: {} });
    this.settingsLow = new Low(new AtomicJsonAdapter(parts.paths.settings, SettingsFileSchema, fileOptions), { schemaVersion: this.schemaVersion, settings: {} });
  }

  collection(name: CollectionName): AnyCollection {
    return this[name] as unknown as AnyCollection;
  }

  lowFor(collection: CollectionName, partition: string): Low<PartitionFile> {
    const key = `${collection}/${partition}`;
    let low = this.partitionLows.get(key);
    if (!low) {
      const adapter = new AtomicJsonAdapter(this.parts.paths.partition(collection, partition), PartitionFileSchema, { fsync: this.parts.fsync, io: this.parts.io });
      low = new Low(adapter, { schemaVersion: this.schemaVersion, records: [] });
      this.partitionLows.set(key, low);
    }
    return low;
  }

  write<R>(fn: (tx: WriteTx) => R): Promise<R> {
    return this.transact(fn);
  }

  sequence(name: string): number {
    return this.sequences.get(name) ?? 0;
  }

  /** The stored value; do not mutate it (set a new one instead). */
  getSetting<T>(key: string): T | undefined {
    return this.settings.get(key) as T | undefined;
  }

  /** Stores a JSON copy of `value`; `undefined` removes the key. Durable when the promise resolves. */
  setSetting(key: string, value: unknown): Promise<void> {
    return this.transact((tx) => tx.setSetting(key, value));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.committer.drain();
      await this.parts.lock.release();
    })();
    return this.closing;
  }

  private transact<R>(fn: (tx: StoreWriteTx) => R): Promise<R> {
    if (this.closing) return Promise.reject(new StoreWriteError('store is closed'));
    if (this.committer.failed) return Promise.reject(this.committer.failed);
    // Thrown, not rejected: the outer transaction must fail rather than ignore a promise.
    if (this.activeTx) throw new Error('Store.write called inside another write transaction');
    const tx = new StoreWriteTx(this);
    this.activeTx = tx;
    let result: R;
    try {
      result = fn(tx);
    } catch (err) {
      tx.rollback();
      return Promise.reject(err);
    } finally {
      tx.finish();
      this.activeTx = undefined;
    }
    if (tx.failure) {
      // `fn` caught a version conflict and went on: the transaction still must not commit.
      tx.rollback();
      return Promise.reject(tx.failure);
    }
    if (typeof (result as { then?: unknown } | null)?.then === 'function') {
      tx.rollback();
      return Promise.reject(new TypeError('Store.write: the transaction function must be synchronous (it returned a promise)'));
    }
    const committed = [...tx.changes.values()].map(({ collection, id }) => ({ collection, id }));
    return this.committer.enqueue(tx).then(() => {
      if (committed.length > 0) this.notifyCommit(committed);
      return result;
    });
  }

  onCommit(listener: (changes: readonly CommittedChange[]) => void): () => void {
    this.commitListeners.add(listener);
    return () => this.commitListeners.delete(listener);
  }

  private notifyCommit(changes: readonly CommittedChange[]): void {
    for (const listener of [...this.commitListeners]) {
      try {
        listener(changes);
      } catch (err) {
        // A derived view failing must not fail a write that is already durable.
        console.error('[atende] store commit listener failed', err);
      }
    }
  }

  /** Snapshots the group synchronously, then writes it. */
  private flush(group: StoreWriteTx[]): Promise<void> {
    return this.execute(this.plan(group));
  }

  private plan(group: StoreWriteTx[]): FlushPlan {
    const changes = new Map<string, TxChange>();
    let sequencesDirty = false;
    let settingsDirty = false;
    for (const tx of group) {
      for (const [key, change] of tx.changes) changes.set(key, change);
      sequencesDirty ||= tx.sequencesDirty;
      settingsDirty ||= tx.settingsDirty;
    }
    const files: FlushPlan['files'] = [];
    const seen = new Set<string>();
    for (const { collection, partition } of changes.values()) {
      const key = `${collection}/${partition}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const low = this.lowFor(collection, partition);
      // Stored records are replaced, never mutated, so this array of references is a stable snapshot.
      low.data = { schemaVersion: this.schemaVersion, records: this.collection(collection).partitionRecords(partition) };
      files.push(low);
    }
    const sequences = sequencesDirty ? Object.fromEntries(this.sequences) : undefined;
    const settings = settingsDirty ? Object.fromEntries(this.settings) : undefined;
    if (sequences) {
      this.metaLow.data = { schemaVersion: this.schemaVersion, sequences };
      files.push(this.metaLow);
    }
    if (settings) {
      this.settingsLow.data = { schemaVersion: this.schemaVersion, settings };
      files.push(this.settingsLow);
    }
    if (files.length <= 1) return { files, journal: undefined };
    const entries = [...changes.values()].map(({ collection, partition, id }) => ({
      collection,
      partition,
      id,
      record: this.collection(collection).get(id) ?? null,
    }));
    return { files, journal: { schemaVersion: this.schemaVersion, seq: ++this.journalSeq, entries, sequences, settings } };
  }

  /**
   * Journal first (when the group spans files), then every file, then the journal's removal.
   * Failures say whether the disk is unchanged (memory can roll back) or not (see FlushError).
   */
  private async execute({ files, journal }: FlushPlan): Promise<void> {
    if (files.length === 0) return;
    const { io, fsync, paths } = this.parts;
    const journalFile = journal ? paths.journal(journal.seq) : undefined;
    if (journal && journalFile) {
      try {
        await io.writeFileAtomic(journalFile, JSON.stringify(journal), fsync);
      } catch (err) {
        throw new FlushError(!(err instanceof AtomicWriteError && err.replaced), err);
      }
    }
    const results = await Promise.allSettled(files.map((f) => f.write()));
    const failures = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    if (failures.length > 0) {
      const untouched = failures.length === files.length && failures.every((e) => !(e instanceof AtomicWriteError && e.replaced));
      // Every file kept its old content: dropping the journal makes the group as if never tried.
      const undone = untouched && (!journalFile || (await io.removeFile(journalFile, fsync).then(() => true, () => false)));
      throw new FlushError(undone, failures[0]);
    }
    if (journalFile) {
      // Durable removal before the next group writes, so an old journal never replays over newer files.
      try {
        await io.removeFile(journalFile, fsync);
      } catch (err) {
        throw new FlushError(false, err);
      }
    }
  }
}
