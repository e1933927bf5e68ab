/**
 * electron-builder `afterPack` (bundled to dist/build-hooks/after-pack.cjs by `npm run build:electron`):
 * flips the Electron fuses of the packed binary, before electron-builder signs it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Arch, type AfterPackContext, type LinuxPackager } from 'electron-builder';
import { fuseConfig, STAND_IN_ENV, type PackagedPlatform } from './fuses';
/** Marks the fuse wire in a real Electron binary (@electron/fuses looks for the same bytes). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** The file that holds the fuse wire. */
function fuseWireFile(context: AfterPackContext, platform: PackagedPlatform): string {
  const { appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  if (platform === 'linux') return join(appOutDir, (packager as LinuxPackager).executableName);
  if (platform === 'win32') return join(appOutDir, `${name}.exe`);
  return join(appOutDir, `${name}.app`, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
}

async function hasFuseWire(file: string): Promise<boolean> {
  try {
    return (await readFile(file)).includes(FUSE_SENTINEL);
  } catch {
    return false;
  }
}

export default async function afterPack(context: AfterPackContext): Promise<void> {
  const platform = context.electronPlatformName as PackagedPlatform;
  // Only the check's stand-in may go through unflipped: a real binary always gets its fuses.
  if (process.env[STAND_IN_ENV] === '1' && !(await hasFuseWire(fuseWireFile(context, platform)))) {
    console.log(`  • afterPack: stand-in Electron binary (${STAND_IN_ENV}=1, no fuse wire), fuses not flipped`);
    return;
  }
  const fuses = fuseConfig(platform, context.arch === Arch.arm64);
  await context.packager.addElectronFuses(context, fuses);
}
