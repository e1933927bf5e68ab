import electronUpdater from 'electron-updater';
import type { Logger } from '../server/logger';

/** How often a running app looks for a new version (agents keep it open all shift). */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

/**
 * Checks `feedUrl` (electron-builder's generic provider: latest.yml / latest-mac.yml /
 * latest-linux.yml next to the installers) now and every few hours, downloads in the background
 * and installs when the app quits, so no call is cut by a restart. Returns the function that stops it.
 */
export function startAutoUpdates(feedUrl: string, log: Logger): () => void {
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = {
    info: (message: unknown) => log.info(`updater: ${String(message)}`),
    warn: (message: unknown) => log.warn(`updater: ${String(message)}`),
    error: (message: unknown) => log.error(`updater: ${String(message)}`),
  };
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
  autoUpdater.on('update-downloaded', (info: { version: string }) =>
    log.info('update downloaded: installs when Atende quits', { version: info.version }),
  );
  // An unreachable update server must never disturb the agent: log and try again later.
  autoUpdater.on('error', (error: Error) => log.warn('update check failed', { error: error.message }));
  const check = () => {
    autoUpdater.checkForUpdates().catch((error: unknown) => log.warn('update check failed', { error: (error as Error).message }));
  };
  check();
  const timer = setInterval(check, UPDATE_CHECK_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
