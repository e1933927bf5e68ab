import type {
  AuditEvent,
  AgentSpan,
  Customer,
  Interaction,
  KbArticle,
  KbUse,
  Macro,
  Order,
  SavedView,
  Session,
  Survey,
  Task,
  Team,
  Ticket,
  User,
} from '../../shared/schemas';

/** Every stored record has an id and a version (incremented by the store on each put). */
export interface StoredRecord {
  id: string;
  version: number;
}

/**
 * A collection kept fully in memory, with declared secondary indexes rebuilt at open.
 * Reads are synchronous and never touch the disk.
 */
export interface Collection<T extends StoredRecord, I extends string = never> {
  readonly name: string;
  get(id: string): T | undefined;
  size(): number;
  /** All records, in no particular order. Do not mutate them: write through `Store.write`. */
  values(): IterableIterator<T>;
  /** Records whose index `index` yields `key` (e.g. customers by phone). */
  byIndex(index: I, key: string): T[];
  /** Number of records under `key` in `index`, without materializing them. */
  countByIndex(index: I, key: string): number;
  /** Keys present in an index (e.g. the teams that have open tickets). */
  indexKeys(index: I): IterableIterator<string>;
}

export interface Collections {
  /** `phoneTail`: last 8 digits of each phone, so numbers typed without DDD or 9th digit still match. */
  customers: Collection<Customer, 'phone' | 'phoneTail' | 'email' | 'cpf' | 'handle'>;
  users: Collection<User, 'username' | 'extension'>;
  sessions: Collection<Session, 'tokenHash' | 'user'>;
  teams: Collection<Team>;
  /** `openByTeam` keys are team ids, or `none` for tickets without team; only status new/open/pending/on_hold. */
  tickets: Collection<Ticket, 'number' | 'openByTeam' | 'requester' | 'assignee' | 'externalThread'>;
  /** `awaitingWrapUp`: agent id of answered, ended calls without a wrap-up yet. */
  interactions: Collection<Interaction, 'ticket' | 'customer' | 'externalId' | 'awaitingWrapUp'>;
  surveys: Collection<Survey, 'tokenHash' | 'ticket' | 'customer'>;
  kbArticles: Collection<KbArticle>;
  /** Articles used on tickets (`ticket`, `article`: ids), counted on the article when the ticket is solved. */
  kbUses: Collection<KbUse, 'ticket' | 'article'>;
  /** `open`: `<assigneeRole>` of open tasks; `ticket`: ticket id. */
  tasks: Collection<Task, 'open' | 'ticket'>;
  macros: Collection<Macro>;
  views: Collection<SavedView, 'owner'>;
  orders: Collection<Order, 'customer' | 'externalId'>;
  agentSpans: Collection<AgentSpan, 'agent'>;
  audit: Collection<AuditEvent, 'entity'>;
}

export type CollectionName = keyof Collections;
export type RecordOf<C extends CollectionName> = Collections[C] extends Collection<infer T, string> ? T : never;

/**
 * The writes of one transaction. Calls apply to memory at once (so the function sees its own
 * writes, and reads by others after `write` returns see them); the whole transaction becomes
 * durable together.
 */
export interface WriteTx {
  /**
   * Inserts or replaces a record. When `expectedVersion` is given and the stored record's version
   * differs, throws `VersionConflictError` and nothing of the transaction is applied.
   * Returns the stored record, with its version incremented.
   */
  put<C extends CollectionName>(collection: C, record: RecordOf<C>, expectedVersion?: number): RecordOf<C>;
  delete(collection: CollectionName, id: string): void;
  /** Sets a small JSON setting in the same transaction (`undefined` removes it). */
  setSetting(key: string, value: unknown): void;
  /** Next value of a named, persistent sequence (e.g. ticket numbers). */
  nextSequence(name: string): number;
}

/** The persistence boundary. The lowdb implementation is the embedded default. */
export interface Store extends Collections {
  /**
   * Runs `fn` synchronously against memory, then persists everything it wrote atomically.
   * The promise resolves only once the writes are on disk (or rejects, having rolled memory back).
   * Transactions are serialized in call order.
   */
  write<R>(fn: (tx: WriteTx) => R): Promise<R>;
  /** Current value of a named sequence without incrementing. */
  sequence(name: string): number;
  /** Small key/value settings (JSON values), e.g. KPI targets, SLA calendars. */
  getSetting<T>(key: string): T | undefined;
  setSetting(key: string, value: unknown): Promise<void>;
  /**
   * Calls `listener` after each transaction is durable, with the records it put or deleted (read
   * the current value from the collection). For derived state such as KPI aggregates. Returns the
   * function that removes the listener.
   */
  onCommit(listener: (changes: readonly CommittedChange[]) => void): () => void;
  /** Waits for pending writes, then releases file handles. */
  close(): Promise<void>;
  readonly schemaVersion: number;
}

/** One record a committed transaction put or deleted. */
export interface CommittedChange {
  collection: CollectionName;
  id: string;
}

export class VersionConflictError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${collection}/${id}: expected version ${expected}, found ${actual}`);
    this.name = 'VersionConflictError';
  }
}

/** The store files could not be read or are not of a known schema. */
export class StoreOpenError extends Error {
  constructor(message: string, readonly file?: string) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

/**
 * A transaction could not be made durable (disk error), or the store is closed. When `memoryKept`
 * is false the transaction's changes were rolled back in memory; when true the disk state is
 * uncertain, the store refuses further writes and must be reopened (which recovers from the journal).
 */
export class StoreWriteError extends Error {
  constructor(message: string, readonly memoryKept = false, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreWriteError';
  }
}
