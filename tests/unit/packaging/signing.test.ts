import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { fuseConfig } from '../../../main/app/packaging/fuses';
import { notarizePlan } from '../../../main/app/packaging/notarize-options';

describe('fuseConfig', () => {
  it('turns off RunAsNode, NODE_OPTIONS and --inspect, loads only app.asar, validates its integrity', () => {
    for (const platform of ['win32', 'darwin'] as const) {
      expect(fuseConfig(platform, false)).toEqual({
        version: FuseVersion.V1,
        resetAdHocDarwinSignature: false,
        [FuseV1Options.RunAsNode]: false,
        [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
        [FuseV1Options.EnableNodeCliInspectArguments]: false,
        [FuseV1Options.OnlyLoadAppFromAsar]: true,
        [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      });
    }
  });

  it('leaves asar integrity out on Linux (Electron has no such check there) and re-signs ad hoc on Apple silicon', () => {
    const linux = fuseConfig('linux', false);
    expect(linux).not.toHaveProperty(String(FuseV1Options.EnableEmbeddedAsarIntegrityValidation));
    expect(linux).toMatchObject({ [FuseV1Options.RunAsNode]: false, [FuseV1Options.OnlyLoadAppFromAsar]: true });
    expect(fuseConfig('darwin', true).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('win32', true).resetAdHocDarwinSignature).toBe(false);
  });

  it('flips exactly those fuses: cookie encryption, V8 snapshot and file:// privileges keep Electron\'s defaults', () => {
    const set = Object.keys(fuseConfig('win32', false)).filter((k) => /^\d+$/.test(k)).map(Number).sort();
    expect(set).toEqual([0, 2, 3, 4, 5]);
  });
});

describe('notarizePlan', () => {
  it('skips without credentials (unsigned local builds)', () => {
    expect(notarizePlan({})).toEqual({ kind: 'skip' });
  });

  it('uses an Apple ID, an API key or a keychain profile', () => {
    expect(notarizePlan({ APPLE_ID: 'it@atende.example', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh', APPLE_TEAM_ID: 'TEAM123456' })).toEqual({
      kind: 'notarize',
      credentials: { appleId: 'it@atende.example', appleIdPassword: 'abcd-efgh', teamId: 'TEAM123456' },
    });
    expect(notarizePlan({ APPLE_API_KEY: '/k/AuthKey.p8', APPLE_API_KEY_ID: 'T9GPZ92M7K', APPLE_API_ISSUER: 'c055ca8c' })).toEqual({
      kind: 'notarize',
      credentials: { appleApiKey: '/k/AuthKey.p8', appleApiKeyId: 'T9GPZ92M7K', appleApiIssuer: 'c055ca8c' },
    });
    expect(notarizePlan({ APPLE_KEYCHAIN_PROFILE: 'atende' })).toEqual({ kind: 'notarize', credentials: { keychainProfile: 'atende' } });
  });

  it('fails a half-configured signing machine, naming what is missing', () => {
    expect(notarizePlan({ APPLE_ID: 'it@atende.example' })).toEqual({
      kind: 'error',
      message: 'notarization: APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID not set (needed with APPLE_ID)',
    });
    expect(notarizePlan({ APPLE_API_KEY_ID: 'X' })).toMatchObject({ kind: 'error', message: expect.stringContaining('APPLE_API_KEY, APPLE_API_ISSUER') });
  });
});
