/** What the connection indicator shows. */
export type ConnectionStatus = 'connected' | 'connecting' | 'reconnecting' | 'offline';

/** The parts of tRPC's WebSocket `connectionState` we read. */
export interface WsStateSnapshot {
  state: 'idle' | 'connecting' | 'pending';
  error: unknown;
}

/** After this long without a working connection, "reconnecting" becomes "offline". */
export const OFFLINE_AFTER_MS = 10_000;

/**
 * Maps tRPC's WebSocket state to the indicator: `pending` is tRPC's name for an open connection;
 * `connecting` with an error is a reconnect; the browser being offline, or reconnecting for
 * longer than OFFLINE_AFTER_MS, is offline.
 */
export function toConnectionStatus(ws: WsStateSnapshot, online: boolean, failingForMs: number | null): ConnectionStatus {
  if (!online) return 'offline';
  if (ws.state === 'pending') return 'connected';
  if (ws.state === 'connecting' && ws.error) {
    return failingForMs !== null && failingForMs >= OFFLINE_AFTER_MS ? 'offline' : 'reconnecting';
  }
  return 'connecting';
}

/** A tiny external store for `useSyncExternalStore`. */
export interface ConnectionSource {
  get(): ConnectionStatus;
  subscribe(listener: () => void): () => void;
}

/** Desktop (IPC): the main process is in the same app, so the connection is always there. */
export const alwaysConnected: ConnectionSource = {
  get: () => 'connected',
  subscribe: () => () => undefined,
};

interface Observable<T> {
  get(): T;
  subscribe(observer: { next: (value: T) => void }): { unsubscribe(): void };
}

/**
 * Browser: follows the WebSocket client's state plus the browser's online/offline events, and
 * re-evaluates once OFFLINE_AFTER_MS have passed in a failing reconnect.
 */
export function wsConnectionSource(connectionState: Observable<WsStateSnapshot>, now: () => number = Date.now): ConnectionSource {
  const listeners = new Set<() => void>();
  let failingSince: number | null = null;
  let offlineTimer: ReturnType<typeof setTimeout> | null = null;
  let current: ConnectionStatus = 'connecting';

  const isOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine !== false);

  function evaluate(): void {
    const ws = connectionState.get();
    const failing = ws.state === 'connecting' && Boolean(ws.error);
    if (failing && failingSince === null) failingSince = now();
    if (!failing) failingSince = null;
    if (offlineTimer) clearTimeout(offlineTimer);
    offlineTimer = null;
    if (failingSince !== null) {
      const left = OFFLINE_AFTER_MS - (now() - failingSince);
      if (left > 0) offlineTimer = setTimeout(evaluate, left + 50);
    }
    const next = toConnectionStatus(ws, isOnline(), failingSince === null ? null : now() - failingSince);
    if (next !== current) {
      current = next;
      for (const l of listeners) l();
    }
  }

  let subscription: { unsubscribe(): void } | null = null;
  const onNetworkChange = () => evaluate();

  return {
    get: () => current,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        subscription = connectionState.subscribe({ next: () => evaluate() });
        globalThis.addEventListener?.('online', onNetworkChange);
        globalThis.addEventListener?.('offline', onNetworkChange);
        evaluate();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          subscription?.unsubscribe();
          subscription = null;
          globalThis.removeEventListener?.('online', onNetworkChange);
          globalThis.removeEventListener?.('offline', onNetworkChange);
          if (offlineTimer) clearTimeout(offlineTimer);
          offlineTimer = null;
        }
      };
    },
  };
}
