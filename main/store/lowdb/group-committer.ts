import { StoreWriteError } from '../store';

/** What the committer needs from a transaction. */
export interface Committable {
  rollback(): void;
}

/**
 * Thrown by a flush. `diskUnchanged`: nothing of the group reached the disk, so memory can be
 * rolled back and the store goes on; otherwise the disk may hold part of it (recoverable from the
 * journal at the next open) and the store must stop writing.
 */
export class FlushError extends Error {
  constructor(
    readonly diskUnchanged: boolean,
    cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'FlushError';
  }
}

interface Waiting<T> {
  tx: T;
  resolve(): void;
  reject(err: unknown): void;
}

/**
 * Serializes transactions into group commits: while one flush is in flight, later transactions
 * queue; the next flush takes all of them at once, so each dirty file is written once per group
 * and throughput grows with load instead of collapsing into one fsync per transaction.
 *
 * `flush` must take its snapshot synchronously (before its first `await`): memory then holds
 * exactly the transactions of the group, since every later one is still queued.
 */
export class GroupCommitter<T extends Committable> {
  private queue: Waiting<T>[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];
  private failure: StoreWriteError | undefined;

  constructor(private readonly flush: (group: T[]) => Promise<void>) {}

  /** The error that stopped writes after an uncertain disk failure, if any. */
  get failed(): StoreWriteError | undefined {
    return this.failure;
  }

  /** Queues an applied transaction; resolves once it is durable. */
  enqueue(tx: T): Promise<void> {
    if (this.failure) {
      tx.rollback();
      return Promise.reject(this.failure);
    }
    const done = new Promise<void>((resolve, reject) => this.queue.push({ tx, resolve, reject }));
    if (!this.running) {
      this.running = true;
      // A microtask, so writes issued in the same tick share the first flush.
      queueMicrotask(() => void this.run());
    }
    return done;
  }

  /** Resolves when every queued transaction has been flushed (or rejected). */
  drain(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async run(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue;
      this.queue = [];
      try {
        await this.flush(group.map((w) => w.tx));
        for (const w of group) w.resolve();
      } catch (err) {
        this.fail(group, err);
      }
    }
    this.running = false;
    for (const wake of this.idleWaiters.splice(0)) wake();
  }

  private fail(group: Waiting<T>[], err: unknown): void {
    // Later transactions may build on the failed group's state: undo them first (newest first).
    const later = this.queue;
    this.queue = [];
    for (const w of [...later].reverse()) w.tx.rollback();
    const unchanged = err instanceof FlushError && err.diskUnchanged;
    const cause = err instanceof FlushError ? err.cause : err;
    if (unchanged) {
      for (const w of [...group].reverse()) w.tx.rollback();
    } else {
      this.failure = new StoreWriteError(
        'store write failed midway; no further writes are accepted until the store is reopened',
        true,
        { cause },
      );
    }
    const groupError = unchanged
      ? new StoreWriteError(`store write failed, transaction rolled back: ${describe(cause)}`, false, { cause })
      : this.failure;
    const laterError = new StoreWriteError(`store write rolled back: an earlier write failed (${describe(cause)})`, false, { cause });
    for (const w of group) w.reject(groupError);
    for (const w of later) w.reject(laterError);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
