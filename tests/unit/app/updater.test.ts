import type { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';

// A stand-in for electron-updater's autoUpdater: the real one needs Electron.
const updater = await vi.hoisted(async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const autoUpdater = Object.assign(new Emitter(), {
    logger: null as unknown,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    allowPrerelease: true,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(async () => null as unknown),
  });
  return { autoUpdater };
});
vi.mock('electron-updater', () => ({ default: updater }));

const { startAutoUpdates, UPDATE_CHECK_INTERVAL_MS } = await import('../../../main/app/updater');

const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };

afterEach(() => {
  vi.useRealTimers();
  vi.clearAllMocks();
});

describe('startAutoUpdates', () => {
  it('uses the generic provider on the configured URL, downloads quietly, installs on quit', async () => {
    vi.useFakeTimers();
    const stop = startAutoUpdates('https://updates.example.com/atende/', log);
    const a = updater.autoUpdater;
    expect(a.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.com/atende/' });
    expect(a).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false, allowPrerelease: false });
    expect(a.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(a.checkForUpdates).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS * 3);
    expect(a.checkForUpdates).toHaveBeenCalledTimes(2);
    a.emit('update-downloaded', { version: '0.2.0' });
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('installs when Atende quits'), { version: '0.2.0' });
  });

  it('logs an unreachable update server instead of failing', async () => {
    updater.autoUpdater.checkForUpdates.mockRejectedValueOnce(new Error('getaddrinfo ENOTFOUND updates.example.com'));
    const stop = startAutoUpdates('https://updates.example.com/atende/', log);
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledWith('update check failed', { error: 'getaddrinfo ENOTFOUND updates.example.com' }));
    (updater.autoUpdater as EventEmitter).emit('error', new Error('bad signature'));
    expect(log.warn).toHaveBeenCalledWith('update check failed', { error: 'bad signature' });
    stop();
  });
});
