import { TRPCClientError, type TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';
import { BRIDGE_KEY, type AtendeBridge } from '../../shared/ipc/bridge';
import { IpcResponseSchema, type IpcBridge, type IpcRequest, type IpcResponse } from '../../shared/ipc/protocol';

let linkCount = 0;

/**
 * A tRPC v11 terminating link that runs queries, mutations and subscriptions over the Electron
 * IPC bridge (`window.atende.trpc`). Values travel as plain JSON, like the HTTP transport.
 *
 * @example
 * const bridge = getIpcBridge();
 * const client = createTRPCClient<AppRouter>({ links: [bridge ? ipcLink(bridge) : httpBatchLink(...)] });
 */
export function ipcLink<TRouter extends AnyTRPCRouter>(bridge: IpcBridge): TRPCLink<TRouter> {
  return () => {
    // Every message reaches every listener of this renderer, so ids must not collide between
    // clients (a random part also keeps a reloaded page clear of the old page's ids).
    const prefix = `${Math.random().toString(36).slice(2, 8)}${++linkCount}:`;
    const pending = new Map<string, (msg: IpcResponse) => void>();
    let unlisten: (() => void) | null = null;

    function dispatch(raw: unknown): void {
      const parsed = IpcResponseSchema.safeParse(raw);
      if (!parsed.success || parsed.data.id === null) return;
      pending.get(parsed.data.id)?.(parsed.data);
    }

    function track(id: string, onResponse: (msg: IpcResponse) => void): void {
      pending.set(id, onResponse);
      unlisten ??= bridge.onMessage(dispatch);
    }

    /** Returns false if the call was already finished. */
    function untrack(id: string): boolean {
      const had = pending.delete(id);
      if (pending.size === 0 && unlisten) {
        unlisten();
        unlisten = null;
      }
      return had;
    }

    return ({ op }) =>
      observable((observer) => {
        const id = `${prefix}${op.id}`;
        track(id, (msg) => {
          if ('error' in msg) {
            untrack(id);
            observer.error(TRPCClientError.from({ error: msg.error }));
            return;
          }
          const { result } = msg;
          if (result.type === 'started') {
            observer.next({ result: { type: 'started' }, context: op.context });
          } else if (result.type === 'stopped') {
            untrack(id);
            observer.complete();
          } else {
            const data = result.id === undefined ? { type: 'data' as const, data: result.data } : result;
            observer.next({ result: data, context: op.context });
            if (op.type !== 'subscription') {
              untrack(id);
              observer.complete();
            }
          }
        });

        try {
          // JSON, not structured clone: inputs reach the server exactly as over HTTP.
          const input: unknown = op.input === undefined ? undefined : JSON.parse(JSON.stringify(op.input));
          const request: IpcRequest = { id, type: op.type, path: op.path, input };
          bridge.send(request);
        } catch (cause) {
          untrack(id);
          observer.error(TRPCClientError.from(cause as Error));
          return () => undefined;
        }

        // Like tRPC's wsLink: an aborted call just completes (the client turns that into an AbortError).
        const onAbort = () => observer.complete();
        if (op.signal?.aborted) onAbort();
        else op.signal?.addEventListener('abort', onAbort, { once: true });

        return () => {
          op.signal?.removeEventListener('abort', onAbort);
          if (untrack(id) && op.type === 'subscription') {
            try {
              bridge.send({ id, type: 'subscription.stop' });
            } catch {
              // The bridge is gone with its window; main stops the subscription on close anyway.
            }
          }
        };
      });
  };
}

/**
 * The Electron bridge the preload exposed as `window.atende`, or null in a plain browser (then
 * use the HTTP/WebSocket links).
 */
export function getIpcBridge(): IpcBridge | null {
  const candidate = (globalThis as Record<string, unknown>)[BRIDGE_KEY] as Partial<AtendeBridge> | undefined;
  const trpc = candidate?.trpc;
  if (candidate?.platform !== 'electron' || !trpc) return null;
  return typeof trpc.send === 'function' && typeof trpc.onMessage === 'function' ? trpc : null;
}
