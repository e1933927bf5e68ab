import { posix, win32 } from 'node:path';

/**
 * Where IT puts the machine-wide configuration (read before the user's, may lock keys):
 * Windows `%ProgramData%\Atende\config.json`, macOS `/Library/Application Support/Atende/config.json`,
 * Linux and others `/etc/atende/config.json`.
 */
export function machineConfigFiles(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') return [win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Atende', 'config.json')];
  if (platform === 'darwin') return [posix.join('/Library/Application Support/Atende', 'config.json')];
  return ['/etc/atende/config.json'];
}
