import { ipcMain, type IpcMainEvent, type WebContents } from 'electron';
import { IPC_CHANNEL } from '../../../shared/ipc/bridge';
import type { IpcEndpoint, IpcHandler } from './ipc-handler';

/**
 * Connects the IPC handler to Electron: one endpoint per webContents, messages from untrusted
 * frames dropped, subscriptions stopped when the page navigates away or its renderer dies.
 *
 * @param isTrustedUrl - whether a sending frame's URL is our own renderer (see navigation-policy)
 * @returns a function that detaches the handler from `ipcMain`
 */
export function bindIpcToElectron(handler: IpcHandler, isTrustedUrl: (url: string) => boolean): () => void {
  const endpoints = new Map<number, IpcEndpoint>();

  function endpointFor(contents: WebContents): IpcEndpoint {
    const known = endpoints.get(contents.id);
    if (known) return known;
    const endpoint: IpcEndpoint = {
      id: `webContents:${contents.id}`,
      send(msg) {
        if (!contents.isDestroyed()) contents.send(IPC_CHANNEL, msg);
      },
      onClose(cb) {
        contents.once('destroyed', cb);
      },
    };
    endpoints.set(contents.id, endpoint);
    contents.once('destroyed', () => endpoints.delete(contents.id));
    // A new document cannot stop the old one's subscriptions; the session survives a reload.
    contents.on('did-start-navigation', (details) => {
      if (details.isMainFrame && !details.isSameDocument) handler.stopSubscriptions(endpoint.id);
    });
    contents.on('render-process-gone', () => handler.stopSubscriptions(endpoint.id));
    return endpoint;
  }

  const listener = (event: IpcMainEvent, msg: unknown) => {
    const frame = event.senderFrame;
    // Only our own top-level page may call the API, never an iframe or a foreign origin.
    if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) return;
    void handler.handleMessage(endpointFor(event.sender), msg);
  };
  ipcMain.on(IPC_CHANNEL, listener);
  return () => {
    ipcMain.removeListener(IPC_CHANNEL, listener);
  };
}
