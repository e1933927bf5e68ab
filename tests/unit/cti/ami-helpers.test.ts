import { describe, expect, it } from 'vitest';
import { extensionFromChannel, phoneField } from '../../../main/cti/ami/ami-channel';
import { AmiConfigSchema } from '../../../main/cti/ami/ami-config';
import { ivrVariableKey } from '../../../main/cti/ami/ami-ivr';
import { amiField, amiMessage } from '../../../main/cti/ami/ami-message';
import { backoffDelay } from '../../../main/cti/ami/backoff';

describe('extensionFromChannel', () => {
  it.each([
    ['PJSIP/2001-00000012', '2001'],
    ['SIP/2001-0000abcd', '2001'],
    ['PJSIP/2001', '2001'],
    ['IAX2/ramal-7-0000001f', 'ramal-7'],
    ['Local/2001@from-queue-00000001;1', '2001'],
    ['Local/2001@from-queue-00000001;2', '2001'],
    ['Local/2001@from-queue/n', '2001'],
  ])('%s → %s', (channel, extension) => expect(extensionFromChannel(channel)).toBe(extension));

  it.each([undefined, '', 'nochannel', '/2001', 'PJSIP/'])('%s → null', (channel) => expect(extensionFromChannel(channel)).toBeNull());
});

describe('phoneField', () => {
  it('keeps numbers and drops Asterisk placeholders', () => {
    expect(phoneField(' 11987654321 ')).toBe('11987654321');
    expect(phoneField('+55 11 98765-4321')).toBe('+55 11 98765-4321');
    for (const none of [undefined, '', '<unknown>', 'anonymous', 's', '<0>']) expect(phoneField(none)).toBeNull();
  });
});

describe('ivrVariableKey', () => {
  const rules = { variables: ['CPF', 'Protocolo'], prefix: 'ATENDE_' };
  it('matches listed names case-insensitively and prefixed names without the prefix, lower-cased', () => {
    expect(ivrVariableKey('CPF', rules)).toBe('cpf');
    expect(ivrVariableKey('__cpf', rules)).toBe('cpf');
    expect(ivrVariableKey('PROTOCOLO', rules)).toBe('protocolo');
    expect(ivrVariableKey('_ATENDE_PEDIDO', rules)).toBe('pedido');
    expect(ivrVariableKey('ATENDE_', rules)).toBeNull();
    expect(ivrVariableKey('ATENDE_1X', rules)).toBeNull();
    expect(ivrVariableKey('DIALSTATUS', rules)).toBeNull();
    expect(ivrVariableKey('ATENDE_PEDIDO', { ...rules, prefix: '' })).toBeNull();
  });
});

describe('amiField', () => {
  it('finds a key whatever its case', () => {
    const m = amiMessage({ UniqueID: '1.2', Event: 'Hangup' });
    expect(amiField(m, 'Uniqueid')).toBe('1.2');
    expect(amiField(m, 'Linkedid')).toBeUndefined();
  });
});

describe('backoffDelay', () => {
  const config = { initialDelayMs: 100, maxDelayMs: 2_000, factor: 2, jitter: 0.5 };
  it('grows exponentially up to the cap', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => backoffDelay(n, config, noJitter))).toEqual([100, 200, 400, 800, 1600, 2000, 2000]);
  });
  it('takes up to `jitter` of the delay off at random, never more', () => {
    expect(backoffDelay(3, config, () => 0.999999)).toBe(200);
    expect(backoffDelay(3, config, () => 0.5)).toBe(300);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(20, config);
      expect(d).toBeGreaterThanOrEqual(1000);
      expect(d).toBeLessThanOrEqual(2000);
    }
  });
});

describe('AmiConfigSchema', () => {
  it('fills defaults, nested ones included', () => {
    const config = AmiConfigSchema.parse({});
    expect(config).toMatchObject({ enabled: false, port: 5038, reconnect: { initialDelayMs: 1000, maxDelayMs: 30_000 }, ping: { intervalMs: 15_000 } });
    expect(config.ivr.variables).toContain('CPF');
  });
  it('requires credentials when enabled, refuses unknown keys and line breaks in credentials', () => {
    expect(AmiConfigSchema.safeParse({ enabled: true }).success).toBe(false);
    expect(AmiConfigSchema.safeParse({ enabled: true, username: 'atende', secret: 's3cret' }).success).toBe(true);
    expect(AmiConfigSchema.safeParse({ hots: 'pbx' }).success).toBe(false);
    expect(AmiConfigSchema.safeParse({ reconnect: { jitter: 2 } }).success).toBe(false);
    expect(AmiConfigSchema.safeParse({ enabled: true, username: 'a', secret: 'x\r\nAction: Originate' }).success).toBe(false);
  });
});
