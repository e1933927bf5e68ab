import { describe, expect, it } from 'vitest';
import type { CtiLink } from '../../../main/cti/links';
import { createDeepLinks } from '../../../main/app/deep-links';

function recordingLog() {
  const lines: { level: string; msg: string; data?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, data?: Record<string, unknown>) => lines.push({ level, msg, ...(data ? { data } : {}) });
  return { log: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

describe('deep links', () => {
  it('holds links that arrive before the core, then delivers them in order, then live', () => {
    const { log } = recordingLog();
    const links = createDeepLinks(log);
    links.receive(['tel:+55 (11) 99999-0000', 'atende://customer/c_42']);
    const got: CtiLink[] = [];
    const stop = links.connect((l) => got.push(l));
    expect(got).toEqual([
      { kind: 'dial', number: '+5511999990000', scheme: 'tel' },
      { kind: 'customer', customerId: 'c_42' },
    ]);
    links.receive(['callto://5511988887777', 'atende://ticket/%23123']);
    expect(got.slice(2)).toEqual([
      { kind: 'dial', number: '5511988887777', scheme: 'callto' },
      { kind: 'ticket', ticket: { by: 'number', number: 123 } },
    ]);
    stop();
    links.receive(['tel:123']);
    expect(got).toHaveLength(4);
  });

  it('refuses invalid links and never logs the number or id they carry', () => {
    const { log, lines } = recordingLog();
    const links = createDeepLinks(log);
    const got: CtiLink[] = [];
    links.connect((l) => got.push(l));
    links.receive(['tel:abc', 'javascript:alert(1)', 'atende://customer/a/b', 'tel:+5511999990000']);
    expect(got).toEqual([{ kind: 'dial', number: '+5511999990000', scheme: 'tel' }]);
    expect(lines.filter((l) => l.level === 'warn').map((l) => l.data)).toEqual([
      { reason: 'invalid_number' },
      { reason: 'unsupported_scheme' },
      { reason: 'unsupported_target' },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/5511999990000|customer\/a/);
  });

  it('keeps a bounded number of links before start-up', () => {
    const { log, lines } = recordingLog();
    const links = createDeepLinks(log);
    links.receive(Array.from({ length: 15 }, (_, i) => `tel:55119999900${String(i).padStart(2, '0')}`));
    const got: CtiLink[] = [];
    links.connect((l) => got.push(l));
    expect(got).toHaveLength(10);
    expect(lines.filter((l) => l.msg.startsWith('link dropped'))).toHaveLength(5);
  });
});
