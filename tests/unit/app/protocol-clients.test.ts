import { describe, expect, it } from 'vitest';
import { schemesToClaim } from '../../../main/app/protocol-clients';
import { machineConfigFiles } from '../../../main/app/machine-config';

describe('schemesToClaim', () => {
  it('claims atende:// always, tel:/callto: only while nobody handles them', () => {
    expect(schemesToClaim({ packaged: true, handlerOf: () => '' })).toEqual(['atende', 'tel', 'callto']);
    const teams = (s: string) => (s === 'tel' ? 'Microsoft Teams' : '');
    expect(schemesToClaim({ packaged: true, handlerOf: teams })).toEqual(['atende', 'callto']);
    expect(schemesToClaim({ packaged: true, handlerOf: () => 'Atende' })).toEqual(['atende']);
  });

  it('claims nothing from `npm start` (it would register the bare Electron binary)', () => {
    expect(schemesToClaim({ packaged: false, handlerOf: () => '' })).toEqual([]);
  });
});

describe('machineConfigFiles', () => {
  it('is %ProgramData%\\Atende, /Library/Application Support/Atende or /etc/atende', () => {
    expect(machineConfigFiles('win32', { ProgramData: 'D:\\ProgramData' })).toEqual(['D:\\ProgramData\\Atende\\config.json']);
    expect(machineConfigFiles('win32', {})).toEqual(['C:\\ProgramData\\Atende\\config.json']);
    expect(machineConfigFiles('darwin', {})).toEqual(['/Library/Application Support/Atende/config.json']);
    expect(machineConfigFiles('linux', {})).toEqual(['/etc/atende/config.json']);
  });
});
