import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../main/config/config';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atende-config-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function expectConfigError(fn: () => unknown, key: string): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).key).toBe(key);
    return;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses defaults: loopback, port 4317, pt-BR, São Paulo time zone', () => {
    const c = loadConfig({ env: {}, argv: [], defaultDataDir: dir });
    expect(c).toMatchObject({ dataDir: dir, host: '127.0.0.1', port: 4317, language: 'pt-BR', timeZone: 'America/Sao_Paulo', demo: false });
  });

  it('layers machine file < data-dir file < env < flags', () => {
    const machine = join(dir, 'machine.json');
    writeFileSync(machine, JSON.stringify({ language: 'en', port: 5000, timeZone: 'America/Manaus' }));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ port: 5001 }));
    const c = loadConfig({ env: { ATENDE_DATA_DIR: dir, ATENDE_PORT: '5002' }, argv: ['--demo'], machineFiles: [machine] });
    expect(c).toMatchObject({ language: 'en', timeZone: 'America/Manaus', port: 5002, demo: true });
    expect(loadConfig({ env: { ATENDE_DATA_DIR: dir }, argv: ['--port', '6000'] }).port).toBe(6000);
  });

  it('names the key of an invalid value, wherever it comes from', () => {
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ port: 'abc' }));
    expectConfigError(() => loadConfig({ env: {}, argv: [], defaultDataDir: dir }), 'port');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ prot: 1 }));
    expectConfigError(() => loadConfig({ env: {}, argv: [], defaultDataDir: dir }), 'prot');
    writeFileSync(join(dir, 'config.json'), '{ not json');
    expectConfigError(() => loadConfig({ env: {}, argv: [], defaultDataDir: dir }), 'config');
  });

  it('rejects bad env values, unknown ATENDE_ variables and unknown flags', () => {
    expectConfigError(() => loadConfig({ env: { ATENDE_PORT: '99999' }, argv: [], defaultDataDir: dir }), 'port');
    expectConfigError(() => loadConfig({ env: { ATENDE_DEMO: 'maybe' }, argv: [], defaultDataDir: dir }), 'demo');
    expectConfigError(() => loadConfig({ env: { ATENDE_PROT: '1' }, argv: [], defaultDataDir: dir }), 'ATENDE_PROT');
    expectConfigError(() => loadConfig({ env: {}, argv: ['--bogus'], defaultDataDir: dir }), '--bogus');
    expectConfigError(() => loadConfig({ env: {}, argv: ['--port'], defaultDataDir: dir }), 'port');
  });
});
