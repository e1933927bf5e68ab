import type { IpcBridge, IpcRequest } from './protocol';

/**
 * The one IPC channel tRPC travels on, both directions. Kept in a zod-free file so the
 * sandboxed preload bundle stays tiny.
 */
export const IPC_CHANNEL = 'atende:trpc';

/** Name of the global the preload exposes in the renderer (`window.atende`). */
export const BRIDGE_KEY = 'atende';

/** What the preload exposes as `window.atende`: a platform tag and the tRPC message pipe. */
export interface AtendeBridge {
  readonly platform: 'electron';
  readonly trpc: IpcBridge;
}

const REQUEST_TYPES = new Set(['query', 'mutation', 'subscription', 'subscription.stop']);

/**
 * A cheap shape check for the preload, which cannot afford zod in its bundle. The main process
 * validates every message fully; this only keeps obvious garbage off the channel.
 */
export function looksLikeIpcRequest(msg: unknown): msg is IpcRequest {
  if (typeof msg !== 'object' || msg === null) return false;
  const { id, type, path } = msg as Record<string, unknown>;
  if (typeof id !== 'string' || typeof type !== 'string' || !REQUEST_TYPES.has(type)) return false;
  return type === 'subscription.stop' || typeof path === 'string';
}
