import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../../shared/ipc/bridge';
import type { IpcResponse } from '../../../shared/ipc/protocol';

// A stand-in for Electron's ipcMain: the real module cannot load on Node.
const ipcMain = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  return new Emitter();
});
vi.mock('electron', () => ({ ipcMain }));

const { bindIpcToElectron } = await import('../../../main/app/ipc/electron-ipc');
const { isAppUrl } = await import('../../../main/app/navigation-policy');
const { createIpcHandler } = await import('../../../main/app/ipc/ipc-handler');
const { createProbe, createTestRouter } = await import('./test-router');

class FakeWebContents extends EventEmitter {
  destroyed = false;
  sent: IpcResponse[] = [];
  constructor(readonly id: number) {
    super();
  }
  isDestroyed() {
    return this.destroyed;
  }
  send(channel: string, msg: IpcResponse) {
    expect(channel).toBe(IPC_CHANNEL);
    this.sent.push(msg);
  }
  destroy() {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

function setup() {
  const probe = createProbe();
  const handler = createIpcHandler({
    router: createTestRouter(probe),
    createContext: ({ tokenHolder }) => ({ tokenHolder }),
  });
  const unbind = bindIpcToElectron(handler, isAppUrl);
  const emit = (contents: FakeWebContents, msg: unknown, frame: { url: string; parent: unknown } | null = { url: 'app://atende/index.html', parent: null }) =>
    ipcMain.emit(IPC_CHANNEL, { sender: contents, senderFrame: frame }, msg);
  return { probe, handler, unbind, emit };
}

describe('bindIpcToElectron', () => {
  it('answers our page on its own webContents', async () => {
    const { emit, unbind } = setup();
    const wc = new FakeWebContents(1);
    emit(wc, { id: 'a', type: 'query', path: 'greet', input: { name: 'Ana' } });
    await vi.waitFor(() => expect(wc.sent).toEqual([{ id: 'a', result: { type: 'data', data: 'Olá, Ana' } }]));
    unbind();
  });

  it('drops messages from iframes and foreign origins without answering', async () => {
    const { emit, unbind } = setup();
    const wc = new FakeWebContents(2);
    const call = { id: 'a', type: 'query', path: 'greet', input: { name: 'x' } };
    emit(wc, call, { url: 'https://evil.example/', parent: null });
    emit(wc, call, { url: 'app://atende/index.html', parent: {} });
    emit(wc, call, null);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(wc.sent).toEqual([]);
    unbind();
  });

  it('stops subscriptions on a full navigation, and everything when the webContents is destroyed', async () => {
    const { emit, probe, unbind } = setup();
    const wc = new FakeWebContents(3);
    emit(wc, { id: 's1', type: 'subscription', path: 'ticks' });
    await vi.waitFor(() => expect(probe.started).toBe(1));
    wc.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    wc.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(probe.generatorCleanups).toBe(0);
    wc.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    await vi.waitFor(() => expect(probe.generatorCleanups).toBe(1));

    emit(wc, { id: 's2', type: 'subscription', path: 'ticks' });
    await vi.waitFor(() => expect(probe.started).toBe(2));
    const before = wc.sent.length;
    wc.destroy();
    await vi.waitFor(() => expect(probe.generatorCleanups).toBe(2));
    expect(wc.sent.length).toBe(before);
    unbind();
  });

  it('detaches from ipcMain', () => {
    const { unbind } = setup();
    const count = ipcMain.listenerCount(IPC_CHANNEL);
    unbind();
    expect(ipcMain.listenerCount(IPC_CHANNEL)).toBe(count - 1);
  });
});
