import type { Interaction } from '../../../shared/schemas';
import type { Store } from '../../store/store';

/** A call in the queue: entered it, not yet answered, ended or abandoned. */
export interface WaitingCall {
  interactionId: string;
  callId: string;
  queue: string | null;
  ani: string | null;
  customerId: string | null;
  /** Epoch ms the caller entered the queue. */
  queuedAt: number;
  /** Ringing at an agent's extension (still waiting: nobody answered yet). */
  ringing: boolean;
}

function waitingOf(i: Interaction): WaitingCall | null {
  const c = i.call;
  if (i.kind !== 'call' || i.direction !== 'inbound' || !c?.queuedAt || c.answeredAt || c.endedAt || c.abandonedAt) return null;
  return { interactionId: i.id, callId: c.callId, queue: c.queue, ani: c.ani, customerId: i.customerId, queuedAt: Date.parse(c.queuedAt), ringing: c.ringingAt !== null };
}

/**
 * The calls waiting in queue, kept incrementally: one scan of the interactions when the core starts,
 * then each committed interaction is re-read from the store (a call answered, ended or abandoned
 * leaves, a queued one joins). The wallboard reads this set, never the interactions.
 */
export class WaitingCalls {
  private readonly calls = new Map<string, WaitingCall>();
  private readonly stop: () => void;

  constructor(private readonly store: Store) {
    for (const i of store.interactions.values()) {
      const w = waitingOf(i);
      if (w) this.calls.set(i.id, w);
    }
    this.stop = store.onCommit((changes) => {
      for (const c of changes) if (c.collection === 'interactions') this.refresh(c.id);
    });
  }

  /** Re-reads one interaction. */
  refresh(id: string): void {
    const i = this.store.interactions.get(id);
    const w = i ? waitingOf(i) : null;
    if (w) this.calls.set(id, w);
    else this.calls.delete(id);
  }

  /**
   * Calls waiting at `nowMs`, longest wait first. Calls queued more than `maxAgeMs` ago are left
   * out: no caller waits that long, so the PBX's hang-up for them was lost.
   */
  list(nowMs: number, maxAgeMs: number): WaitingCall[] {
    const out: WaitingCall[] = [];
    for (const w of this.calls.values()) if (nowMs - w.queuedAt <= maxAgeMs) out.push(w);
    return out.sort((a, b) => a.queuedAt - b.queuedAt || (a.callId < b.callId ? -1 : 1));
  }

  get size(): number {
    return this.calls.size;
  }

  dispose(): void {
    this.stop();
  }
}
