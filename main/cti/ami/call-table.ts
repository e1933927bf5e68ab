import type { CallState } from '../../../shared/schemas/call-event';

/** What the AMI mapper remembers of one call between events. */
export interface TrackedCall {
  readonly callId: string;
  ani: string | null;
  dnis: string | null;
  queue: string | null;
  /** The agent on the call once answered. */
  extension: string | null;
  ivr: Record<string, string>;
  /** Extensions ringing right now (ringall queues ring several). */
  ringing: Set<string>;
  answered: boolean;
  held: boolean;
  lastState: CallState | null;
  /** Set once ended or abandoned: later events of the call are ignored until it is forgotten. */
  terminalAt: number | null;
  lastSeenAt: number;
  /** Events emitted so far; numbers the event ids. */
  emitted: number;
}

export interface CallTableOptions {
  /** How long an ended call is remembered (its late events are then recognized and dropped). */
  retentionMs: number;
  /** A call without any event for this long is forgotten (its hang-up was missed). */
  idleTtlMs: number;
  /** Hard cap; the least recently active call goes first. */
  maxCalls: number;
}

/**
 * The mapper's call memory, bounded three ways: ended calls expire after `retentionMs`, silent
 * calls after `idleTtlMs`, and never more than `maxCalls`. The Map doubles as an LRU list (a
 * touched call is re-inserted at the end), so expiring idle calls only looks at the oldest ones.
 */
export class CallTable {
  private readonly calls = new Map<string, TrackedCall>();
  /** Ended calls in the order they ended, for expiry. */
  private readonly ended: { callId: string; at: number }[] = [];

  constructor(private readonly options: CallTableOptions) {}

  get size(): number {
    return this.calls.size;
  }

  get(callId: string): TrackedCall | undefined {
    return this.calls.get(callId);
  }

  /** The call, created if new, marked as just seen. */
  touch(callId: string, now: number): TrackedCall {
    let call = this.calls.get(callId);
    if (call) this.calls.delete(callId);
    else {
      call = newCall(callId);
      while (this.calls.size >= this.options.maxCalls) this.evictOldest();
    }
    call.lastSeenAt = now;
    this.calls.set(callId, call);
    return call;
  }

  markEnded(call: TrackedCall, now: number): void {
    call.terminalAt = now;
    this.ended.push({ callId: call.callId, at: now });
  }

  /** Calls not yet ended. */
  active(): TrackedCall[] {
    return [...this.calls.values()].filter((c) => c.terminalAt === null);
  }

  /** Forgets what has expired. Cheap: looks only at the oldest entries. */
  sweep(now: number): void {
    while (this.ended.length > 0 && (this.ended[0] as { at: number }).at + this.options.retentionMs <= now) {
      const { callId } = this.ended.shift() as { callId: string };
      if (this.calls.get(callId)?.terminalAt !== null) this.calls.delete(callId);
    }
    for (const call of this.calls.values()) {
      if (call.lastSeenAt + this.options.idleTtlMs > now) break;
      this.calls.delete(call.callId);
    }
  }

  private evictOldest(): void {
    const oldest = this.calls.keys().next();
    if (!oldest.done) this.calls.delete(oldest.value);
  }
}

function newCall(callId: string): TrackedCall {
  return {
    callId,
    ani: null,
    dnis: null,
    queue: null,
    extension: null,
    ivr: {},
    ringing: new Set(),
    answered: false,
    held: false,
    lastState: null,
    terminalAt: null,
    lastSeenAt: 0,
    emitted: 0,
  };
}
