import { describe, expect, it } from 'vitest';
import { updatePlan, type UpdatePlanInput } from '../../../main/app/update-policy';

const base: UpdatePlanInput = {
  packaged: true,
  platform: 'win32',
  env: {},
  autoUpdate: true,
  updateUrl: 'https://updates.example.com/atende',
};

describe('updatePlan', () => {
  it('checks the configured folder (with a trailing slash) on a packaged Windows or macOS app', () => {
    expect(updatePlan(base)).toEqual({ enabled: true, feedUrl: 'https://updates.example.com/atende/' });
    expect(updatePlan({ ...base, platform: 'darwin', updateUrl: 'https://u.example.com/a/' })).toEqual({ enabled: true, feedUrl: 'https://u.example.com/a/' });
  });

  it('is off when IT (or the user, if not locked) turns it off, or no URL is set', () => {
    expect(updatePlan({ ...base, autoUpdate: false })).toMatchObject({ enabled: false, reason: expect.stringContaining('autoUpdate') });
    expect(updatePlan({ ...base, updateUrl: undefined })).toMatchObject({ enabled: false, reason: expect.stringContaining('updateUrl') });
  });

  it('is off in `npm start`', () => {
    expect(updatePlan({ ...base, packaged: false })).toMatchObject({ enabled: false });
  });

  it('on Linux updates only an AppImage (a .deb belongs to the package manager)', () => {
    expect(updatePlan({ ...base, platform: 'linux' })).toMatchObject({ enabled: false, reason: expect.stringContaining('package manager') });
    expect(updatePlan({ ...base, platform: 'linux', env: { APPIMAGE: '/home/a/Atende.AppImage' } })).toMatchObject({ enabled: true });
  });
});
