import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../../renderer/lib/format';
import { formatClock, formatCountdown, SLA_WARNING_SHARE, slaState } from '../../../renderer/lib/sla';

const START = Date.parse('2026-11-22T12:00:00.000Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
/** A 4-hour target started at START, looked at `elapsedHours` later. */
const at = (elapsedHours: number, paused = false) => slaState({ startedAt: iso(START), dueAt: iso(START + 4 * HOUR), paused }, START + elapsedHours * HOUR);

describe('slaState: colour by the share of the target elapsed', () => {
  it('is ok below 75 % of the target', () => {
    expect(at(0)).toMatchObject({ tone: 'ok', share: 0, remainingMs: 4 * HOUR });
    expect(at(2.9).tone).toBe('ok');
  });

  it('turns to warning at exactly 75 % and stays there until due', () => {
    expect(SLA_WARNING_SHARE).toBe(0.75);
    expect(at(3)).toMatchObject({ tone: 'warning', share: 0.75 });
    expect(at(3.99).tone).toBe('warning');
  });

  it('is breached once due (the due instant included) and reports how late', () => {
    expect(at(4)).toMatchObject({ tone: 'breached', remainingMs: 0 });
    expect(at(5)).toMatchObject({ tone: 'breached', share: 1.25, remainingMs: -HOUR });
  });

  it('says paused whatever the share, keeping the numbers for the tooltip', () => {
    expect(at(1, true)).toMatchObject({ tone: 'paused', share: 0.25 });
    expect(at(6, true).tone).toBe('paused');
  });

  it('has no tone without a target, and copes with bad or inverted starts', () => {
    expect(slaState({ dueAt: null, startedAt: iso(START), paused: false }, START)).toEqual({ tone: 'none', share: null, remainingMs: null });
    expect(slaState({ dueAt: 'garbage', startedAt: iso(START), paused: false }, START).tone).toBe('none');
    // No usable start: only "late or not" is known.
    expect(slaState({ dueAt: iso(START + HOUR), startedAt: null, paused: false }, START)).toMatchObject({ tone: 'ok', share: null });
    expect(slaState({ dueAt: iso(START), startedAt: iso(START + HOUR), paused: false }, START + 2 * HOUR)).toMatchObject({ tone: 'breached', share: 1 });
  });
});

describe('formatCountdown / formatClock', () => {
  it('is compact: minutes, hours and minutes, days and hours', () => {
    expect(formatCountdown(30_000)).toBe('1 min');
    expect(formatCountdown(-5_000)).toBe('1 min');
    expect(formatCountdown(45 * 60_000)).toBe('45 min');
    expect(formatCountdown(3 * HOUR + 5 * 60_000)).toBe('3 h 05 min');
    expect(formatCountdown(-(2 * 24 * HOUR + 4 * HOUR + 59 * 60_000))).toBe('2 d 4 h');
    expect(formatCountdown(3 * 24 * HOUR)).toBe('3 d');
  });

  it('shows call durations as m:ss or h:mm:ss', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(247)).toBe('4:07');
    expect(formatClock(3909)).toBe('1:05:09');
    expect(formatClock(-5)).toBe('0:00');
  });
});

describe('formatMoney', () => {
  it('shows cents as Brazilian reais in pt-BR and keeps the currency in English', () => {
    expect(formatMoney(123_456, 'BRL', 'pt-BR').replace(/\s/g, ' ')).toBe('R$ 1.234,56');
    expect(formatMoney(5, 'BRL', 'pt-BR').replace(/\s/g, ' ')).toBe('R$ 0,05');
    expect(formatMoney(123_456, 'BRL', 'en')).toBe('R$1,234.56');
    expect(formatMoney(1_000, 'USD', 'pt-BR').replace(/\s/g, ' ')).toBe('US$ 10,00');
  });

  it('never throws on a currency code Intl does not know', () => {
    expect(formatMoney(1_050, 'X1', 'pt-BR')).toBe('10,50 X1');
  });
});
