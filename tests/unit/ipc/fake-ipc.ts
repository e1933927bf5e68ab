import { looksLikeIpcRequest } from '../../../shared/ipc/bridge';
import { IpcResponseSchema, type IpcBridge, type IpcResponse } from '../../../shared/ipc/protocol';
import type { IpcEndpoint, IpcHandler } from '../../../main/app/ipc/ipc-handler';

/** Structured clone stand-in: what survives IPC, and nothing shared by reference. */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Real IPC is asynchronous: deliver on a later macrotask, in order. */
const later = (fn: () => void) => setImmediate(fn);

export interface FakeIpc {
  /** What `window.atende.trpc` would be in the renderer. */
  bridge: IpcBridge;
  /** The main-process side of the same pipe. */
  endpoint: IpcEndpoint;
  /** Every message main sent, as the renderer received it. */
  received: IpcResponse[];
  /** Sends anything at all to main, bypassing the preload's check (a hostile renderer). */
  sendRaw(msg: unknown): void;
  /** The window closes. */
  close(): void;
}

/**
 * Wires a renderer-side bridge to an IPC handler in-process, through the real message schemas:
 * requests get the preload's check, responses must match `IpcResponseSchema`.
 */
export function connectFakeIpc(handler: IpcHandler, id = 'endpoint-1'): FakeIpc {
  const listeners = new Set<(msg: IpcResponse) => void>();
  const closeCallbacks: (() => void)[] = [];
  const received: IpcResponse[] = [];
  let closed = false;

  const endpoint: IpcEndpoint = {
    id,
    send(msg) {
      if (closed) throw new Error('send after close');
      const wire = IpcResponseSchema.parse(clone(msg));
      received.push(wire);
      later(() => {
        for (const listener of listeners) listener(clone(wire));
      });
    },
    onClose(cb) {
      closeCallbacks.push(cb);
    },
  };

  const sendRaw = (msg: unknown) => {
    const wire = msg === undefined ? undefined : clone(msg);
    later(() => void handler.handleMessage(endpoint, wire));
  };

  return {
    endpoint,
    received,
    sendRaw,
    bridge: {
      send(msg) {
        if (!looksLikeIpcRequest(msg)) throw new TypeError('not a tRPC IPC request');
        sendRaw(msg);
      },
      onMessage(cb) {
        listeners.add(cb);
        return () => listeners.delete(cb);
      },
    },
    close() {
      closed = true;
      listeners.clear();
      for (const cb of closeCallbacks) cb();
    },
  };
}
