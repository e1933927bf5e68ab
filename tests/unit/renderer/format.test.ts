import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, formatRelative, slaLevel } from '../../../renderer/lib/format';

const NOW = Date.parse('2026-11-22T15:00:00.000Z');
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('format', () => {
  it('formats numbers the Brazilian way in pt-BR', () => {
    expect(formatNumber(1234.5, 'pt-BR')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });

  it('formats dates day-first in pt-BR', () => {
    const text = formatDateTime('2026-03-04T15:30:00.000Z', 'pt-BR');
    expect(text).toMatch(/^04\/03\/2026/);
    expect(formatDateTime('2026-03-04T15:30:00.000Z', 'en')).toMatch(/^3\/4\/26/);
    expect(formatDateTime('not a date', 'pt-BR')).toBe('—');
  });

  it('says relative times in the UI language, minutes up to two hours', () => {
    expect(formatRelative(at(-5), NOW, 'pt-BR', 'agora')).toBe('há 5 min.');
    expect(formatRelative(at(90), NOW, 'pt-BR', 'agora')).toBe('em 90 min.');
    expect(formatRelative(at(180), NOW, 'pt-BR', 'agora')).toBe('em 3 h');
    expect(formatRelative(at(-3 * 24 * 60), NOW, 'pt-BR', 'agora')).toBe('há 3 dias');
    expect(formatRelative(at(-5), NOW, 'en', 'now')).toBe('5 min. ago');
    expect(formatRelative(new Date(NOW + 20_000).toISOString(), NOW, 'en', 'now')).toBe('now');
  });

  it('grades the SLA: none, ok, due within the hour, overdue', () => {
    expect(slaLevel(null, NOW)).toBe('none');
    expect(slaLevel(at(120), NOW)).toBe('ok');
    expect(slaLevel(at(30), NOW)).toBe('soon');
    expect(slaLevel(at(0), NOW)).toBe('overdue');
    expect(slaLevel(at(-10), NOW)).toBe('overdue');
  });
});
