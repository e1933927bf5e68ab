import { BrowserWindow } from 'electron';

export interface MainWindowOptions {
  /** Absolute path of the bundled preload (`dist/preload/index.cjs`). */
  preloadPath: string;
  /** The page to load (`app://atende/index.html`). */
  url: string;
  /** The page could not load (renderer not built, protocol error). */
  onLoadFailed(error: Error): void;
}

/** The agent's window: sandboxed, isolated, shown once painted so it never flashes white. */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Atende',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(opts.url).catch((error: Error) => opts.onLoadFailed(error));
  return win;
}
