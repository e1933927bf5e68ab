/**
 * Electron entry (bundled to dist/main/index.js): one instance, one validated config, one core,
 * one sandboxed window talking tRPC over IPC. Everything else lives in the core.
 */
import { fileURLToPath } from 'node:url';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { ConfigError, loadConfig, type AppConfig } from '../config/config';
import { createCore, type Core } from '../server/core';
import { consoleLogger } from '../server/logger';
import { parseLaunchArgs } from './app-args';
import { createDeepLinks } from './deep-links';
import { bindIpcToElectron } from './ipc/electron-ipc';
import { createIpcHandler, type IpcHandler } from './ipc/ipc-handler';
import { machineConfigFiles } from './machine-config';
import { APP_ENTRY_URL, isAppUrl } from './navigation-policy';
import { registerAppScheme, serveRenderer } from './protocol';
import { schemesToClaim } from './protocol-clients';
import { startScreenPopAttention } from './screen-pop-attention';
import { hardenAllWebContents, hardenSession } from './security';
import { updatePlan } from './update-policy';
import { startAutoUpdates } from './updater';
import { createMainWindow } from './window';

const log = consoleLogger;
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));
/** How long quitting waits for the store to flush before giving up. */
const SHUTDOWN_TIMEOUT_MS = 5_000;

let mainWindow: BrowserWindow | null = null;
let running: { core: Core; handler: IpcHandler; stop: (() => void)[] } | null = null;
/** tel:/callto:/atende:// links from the OS, published on the core's bus as `deepLink`. */
const deepLinks = createDeepLinks(log);

function fail(title: string, detail: string): void {
  log.error(`${title}: ${detail}`);
  dialog.showErrorBox(title, detail);
  app.exit(1);
}

function readConfig(): AppConfig | null {
  const { configArgs } = parseLaunchArgs(process.argv, { packaged: app.isPackaged });
  const machineFiles = machineConfigFiles(process.platform, process.env);
  try {
    return loadConfig({
      env: process.env,
      argv: configArgs,
      defaultDataDir: app.getPath('userData'),
      machineFiles,
      warn: (message) => log.warn(message),
    });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    const owner = machineFiles.includes(err.source) ? '\n\nThis file is set up by your IT department: please tell them.' : '';
    fail('Atende: invalid configuration', `The setting "${err.key}" is not valid.\n\n${err.message}${owner}`);
    return null;
  }
}

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: PRELOAD_PATH,
    url: APP_ENTRY_URL,
    onLoadFailed: (error) =>
      fail('Atende: the interface did not load', `${error.message}\n\nWas the app built (npm run build)?`),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

/** Registers the app for its link schemes where that takes nothing from another app (protocol-clients.ts). */
function claimLinkSchemes(): void {
  const claim = schemesToClaim({ packaged: app.isPackaged, handlerOf: (scheme) => app.getApplicationNameForProtocol(`${scheme}://`) });
  for (const scheme of claim) {
    if (!app.setAsDefaultProtocolClient(scheme)) log.warn('could not register as a link handler', { scheme });
  }
}

/** The update plan from the config (IT can lock it); never in `npm start`, never in the headless server. */
function startUpdates(config: AppConfig): () => void {
  const plan = updatePlan({
    packaged: app.isPackaged,
    platform: process.platform,
    env: process.env,
    autoUpdate: config.autoUpdate,
    updateUrl: config.updateUrl,
  });
  if (!plan.enabled) {
    log.info('automatic updates off', { reason: plan.reason });
    return () => {};
  }
  log.info('automatic updates on', { feedUrl: plan.feedUrl });
  return startAutoUpdates(plan.feedUrl, log);
}

async function start(config: AppConfig): Promise<void> {
  const core = await createCore({ config, log });
  const handler = createIpcHandler({
    router: core.router,
    // The token lives in the main process, one holder per window; auth.login fills it.
    createContext: ({ tokenHolder }) =>
      core.createContext({ token: tokenHolder.get(), tokenHolder, transport: 'ipc', client: 'desktop' }),
    onError: ({ error, path, type }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR') log.error('procedure failed', { path, type, error: error.message });
    },
  });
  const unbindIpc = bindIpcToElectron(handler, isAppUrl);
  const disconnectLinks = deepLinks.connect((link) => core.services.bus.publish('deepLink', link));
  running = { core, handler, stop: [unbindIpc, disconnectLinks] };
  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, RENDERER_DIR);
  openWindow();
  running.stop.push(startScreenPopAttention(core, () => mainWindow));
  claimLinkSchemes();
  running.stop.push(startUpdates(config));
  log.info('desktop app started', { dataDir: config.dataDir, demo: config.demo });
}

async function shutdown(): Promise<void> {
  if (!running) return;
  const { core, handler, stop } = running;
  running = null;
  for (const fn of stop) fn();
  handler.close();
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref());
  await Promise.race([core.close(), timeout]);
}

function bootstrap(): void {
  // Two instances would fight over the same data dir: the second one hands over and leaves.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // These must run synchronously, before `ready`.
  app.enableSandbox();
  registerAppScheme();
  hardenAllWebContents(app);

  const config = readConfig();
  if (!config) return;
  deepLinks.receive(parseLaunchArgs(process.argv, { packaged: app.isPackaged }).deepLinks);

  app.on('second-instance', (_event, argv) => {
    focusWindow();
    deepLinks.receive(parseLaunchArgs(argv, { packaged: app.isPackaged }).deepLinks);
  });
  // macOS delivers links this way, also before `ready` on a cold start (hence the queue).
  app.on('open-url', (event, url) => {
    event.preventDefault();
    focusWindow();
    deepLinks.receive([url]);
  });
  app.on('activate', () => {
    if (running && !mainWindow) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    // Hold the quit until the store is flushed and closed.
    event.preventDefault();
    void shutdown()
      .catch((err: unknown) => log.error('shutdown failed', { error: (err as Error).message }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => start(config))
    .catch((err: unknown) => fail('Atende could not start', (err as Error).message));
}

bootstrap();
