import { FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';

/** Set by `npm run dist:check`, which packs a stand-in for the Electron binary (no fuse wire in it). */
export const STAND_IN_ENV = 'DIST_CHECK_STAND_IN_ELECTRON';

export type PackagedPlatform = 'darwin' | 'mas' | 'win32' | 'linux';

/**
 * The Electron fuses flipped in every packaged build (electron.org "Fuses"): the binary cannot be
 * reused as a plain Node (`ELECTRON_RUN_AS_NODE`, `NODE_OPTIONS`, `--inspect`), and it loads only
 * `app.asar`. Asar integrity validation exists on macOS and Windows only, where electron-builder
 * embeds the archive's hash (Info.plist / an .exe resource); Linux has no such check.
 *
 * @param arm64 - macOS arm64: the ad-hoc signature must be redone after the binary changes.
 */
export function fuseConfig(platform: PackagedPlatform, arm64: boolean): FuseV1Config {
  const integrity = platform !== 'linux';
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: (platform === 'darwin' || platform === 'mas') && arm64,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    ...(integrity ? { [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true } : {}),
  };
}
