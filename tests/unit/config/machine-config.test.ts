import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, readMachineConfigFile } from '../../../main/config/config';

let dir: string;
let machine: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atende-machine-'));
  machine = join(dir, 'machine.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const writeJson = (path: string, value: unknown) => writeFileSync(path, JSON.stringify(value));

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('machine-wide config (IT)', () => {
  it('keeps locked keys at the machine value against the user file, env and flags, and says so', () => {
    writeJson(machine, {
      language: 'en',
      updateUrl: 'https://updates.example.com/atende/',
      autoUpdate: false,
      locked: ['language', 'autoUpdate', 'updateUrl', 'port'],
    });
    writeJson(join(dir, 'config.json'), { language: 'pt-BR', autoUpdate: true, timeZone: 'America/Manaus' });
    const warnings: string[] = [];
    const c = loadConfig({
      env: { ATENDE_DATA_DIR: dir, ATENDE_AUTO_UPDATE: 'true', ATENDE_UPDATE_URL: 'https://evil.example.com/' },
      argv: ['--port', '9999'],
      machineFiles: [machine],
      warn: (m) => warnings.push(m),
    });
    expect(c).toMatchObject({ language: 'en', autoUpdate: false, updateUrl: 'https://updates.example.com/atende/', timeZone: 'America/Manaus' });
    // Locked without a machine value: the default stays.
    expect(c.port).toBe(4317);
    expect(warnings).toEqual([
      `"language" is locked by IT in ${machine}: the value from ${join(dir, 'config.json')} is ignored`,
      `"autoUpdate" is locked by IT in ${machine}: the value from ${join(dir, 'config.json')} is ignored`,
      `"updateUrl" is locked by IT in ${machine}: the value from environment is ignored`,
      `"autoUpdate" is locked by IT in ${machine}: the value from environment is ignored`,
      `"port" is locked by IT in ${machine}: the value from command line is ignored`,
    ]);
  });

  it('lets users change what is not locked, and a later machine file refine an earlier one', () => {
    const second = join(dir, 'second.json');
    writeJson(machine, { language: 'en', defaultDdd: '11', locked: ['language'] });
    writeJson(second, { defaultDdd: '21' });
    const c = loadConfig({ env: { ATENDE_DATA_DIR: dir, ATENDE_TIME_ZONE: 'America/Recife' }, argv: [], machineFiles: [machine, second] });
    expect(c).toMatchObject({ language: 'en', defaultDdd: '21', timeZone: 'America/Recife', autoUpdate: true });
  });

  it('names the key of an invalid machine file, including a lock of an unknown key', () => {
    writeJson(machine, { language: 'fr' });
    let err = configError(() => loadConfig({ env: {}, argv: [], defaultDataDir: dir, machineFiles: [machine] }));
    expect(err.key).toBe('language');
    expect(err.source).toBe(machine);
    writeJson(machine, { locked: ['langauge'] });
    err = configError(() => readMachineConfigFile(machine));
    expect(err.key).toBe('locked.0');
    writeJson(machine, { updateUrl: 'http://updates.example.com/' });
    expect(configError(() => readMachineConfigFile(machine)).key).toBe('updateUrl');
    writeFileSync(machine, '{ "language": ');
    expect(configError(() => readMachineConfigFile(machine)).message).toContain('not valid JSON');
  });

  it('refuses `locked` in the user file: only IT locks', () => {
    writeJson(join(dir, 'config.json'), { locked: ['language'] });
    const err = configError(() => loadConfig({ env: {}, argv: [], defaultDataDir: dir }));
    expect(err.key).toBe('locked');
    expect(err.message).toContain('only the machine-wide file');
  });

  it('treats a missing machine file as empty', () => {
    expect(readMachineConfigFile(join(dir, 'absent.json'))).toEqual({ settings: {}, locked: [] });
    expect(loadConfig({ env: {}, argv: [], defaultDataDir: dir, machineFiles: [join(dir, 'absent.json')] }).autoUpdate).toBe(true);
  });
});
