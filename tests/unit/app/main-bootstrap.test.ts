import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

// main.ts runs its bootstrap on import; these stand-ins let it run in Node up to `ready`.
const dir = mkdtempSync(join(tmpdir(), 'atende-bootstrap-'));
const machineFile = join(dir, 'machine.json');
const argv = process.argv;
afterAll(() => {
  process.argv = argv;
  rmSync(dir, { recursive: true, force: true });
});

const electron = vi.hoisted(() => ({
  app: {
    isPackaged: true,
    requestSingleInstanceLock: vi.fn(() => true),
    enableSandbox: vi.fn(),
    getPath: vi.fn(() => ''),
    on: vi.fn(),
    whenReady: vi.fn(() => new Promise(() => {})),
    exit: vi.fn(),
    quit: vi.fn(),
  },
  dialog: { showErrorBox: vi.fn() },
  session: {},
  protocol: { registerSchemesAsPrivileged: vi.fn() },
  shell: {},
  ipcMain: { on: vi.fn(), removeListener: vi.fn() },
  BrowserWindow: vi.fn(),
}));
vi.mock('electron', () => electron);
vi.mock('electron-updater', () => ({ default: {} }));
vi.mock('../../../main/app/machine-config', () => ({ machineConfigFiles: () => [machineFile] }));

async function boot(): Promise<void> {
  vi.resetModules();
  await import('../../../main/app/main');
}

beforeEach(() => {
  vi.clearAllMocks();
  electron.app.getPath.mockReturnValue(join(dir, 'user-data'));
  process.argv = ['/opt/Atende/atende'];
});

describe('desktop bootstrap with a machine-wide file', () => {
  it('an invalid machine file is a dialog naming the key and the file, and a clean exit', async () => {
    writeFileSync(machineFile, JSON.stringify({ language: 'fr', locked: ['language'] }));
    await boot();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, detail] = electron.dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(title).toBe('Atende: invalid configuration');
    expect(detail).toContain('The setting "language" is not valid.');
    expect(detail).toContain(machineFile);
    expect(detail).toContain('IT department');
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });

  it('a valid machine file lets start-up go on to `ready`', async () => {
    writeFileSync(machineFile, JSON.stringify({ language: 'en', autoUpdate: false, locked: ['autoUpdate'] }));
    await boot();
    expect(electron.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(electron.app.whenReady).toHaveBeenCalledTimes(1);
    expect(electron.app.on).toHaveBeenCalledWith('open-url', expect.any(Function));
  });
});
