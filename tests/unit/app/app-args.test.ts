import { describe, expect, it } from 'vitest';
import { parseLaunchArgs } from '../../../main/app/app-args';

describe('parseLaunchArgs', () => {
  it('passes `npm start -- --demo` through', () => {
    expect(parseLaunchArgs(['/x/electron', '.', '--', '--demo'], { packaged: false })).toEqual({
      configArgs: ['--demo'],
      deepLinks: [],
    });
  });

  it('after `--` passes everything, so typos reach loadConfig and fail loudly', () => {
    expect(parseLaunchArgs(['/x/electron', '.', '--', '--dmeo'], { packaged: false }).configArgs).toEqual(['--dmeo']);
  });

  it('without `--` keeps our flags and drops Chromium and OS switches', () => {
    const argv = ['/opt/Atende/atende', '--no-sandbox', '--data-dir', '/srv/atende', '-psn_0_12345', '--demo', '--enable-logging'];
    expect(parseLaunchArgs(argv, { packaged: true })).toEqual({ configArgs: ['--data-dir', '/srv/atende', '--demo'], deepLinks: [] });
  });

  it('collects atende: deep links wherever they are', () => {
    const argv = ['C:\\Atende\\Atende.exe', '--allow-file-access-from-files', 'atende://call/+5511999990000'];
    expect(parseLaunchArgs(argv, { packaged: true })).toEqual({
      configArgs: [],
      deepLinks: ['atende://call/+5511999990000'],
    });
  });

  it('collects tel: and callto: links too (click-to-call from a browser or another app)', () => {
    const argv = ['/opt/Atende/atende', 'tel:+55-11-99999-0000', '--demo', 'CALLTO://5511999990000'];
    expect(parseLaunchArgs(argv, { packaged: true })).toEqual({
      configArgs: ['--demo'],
      deepLinks: ['tel:+55-11-99999-0000', 'CALLTO://5511999990000'],
    });
  });

  it('ignores the app folder argument when unpackaged', () => {
    expect(parseLaunchArgs(['/x/electron', '/work/atende'], { packaged: false }).configArgs).toEqual([]);
  });
});
