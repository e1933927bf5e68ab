import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_KEY, IPC_CHANNEL, looksLikeIpcRequest, type AtendeBridge } from '../shared/ipc/bridge';
import type { IpcRequest, IpcResponse } from '../shared/ipc/protocol';

/*
 * The renderer's only door to the main process: one tRPC message pipe. Nothing else (no
 * ipcRenderer, no Node) is exposed, and main validates every message again.
 */
const bridge: AtendeBridge = {
  platform: 'electron',
  trpc: {
    send(msg: IpcRequest): void {
      if (!looksLikeIpcRequest(msg)) throw new TypeError('atende.trpc.send: not a tRPC IPC request');
      ipcRenderer.send(IPC_CHANNEL, msg);
    },
    onMessage(cb: (msg: IpcResponse) => void): () => void {
      // The event object stays here: it carries `sender`, which must not leak to the page.
      const listener = (_event: IpcRendererEvent, msg: IpcResponse) => cb(msg);
      ipcRenderer.on(IPC_CHANNEL, listener);
      return () => {
        ipcRenderer.removeListener(IPC_CHANNEL, listener);
      };
    },
  },
};

contextBridge.exposeInMainWorld(BRIDGE_KEY, bridge);
