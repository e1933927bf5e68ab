import { describe, expect, it } from 'vitest';
import { cpfWithCheckDigits, formatCpf, isValidCpf, maskCpf } from '../../../shared/br/cpf';
import { formatPhoneBr, normalizePhone } from '../../../shared/br/phone';

describe('CPF', () => {
  it('accepts valid CPFs formatted or not and rejects wrong check digits and repeated digits', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('52998224725')).toBe(true);
    expect(isValidCpf('529.982.247-24')).toBe(false);
    expect(isValidCpf('111.111.111-11')).toBe(false);
    expect(isValidCpf('1234567890')).toBe(false);
  });

  it('computes check digits, formats and masks', () => {
    expect(cpfWithCheckDigits('529982247')).toBe('52998224725');
    expect(formatCpf('52998224725')).toBe('529.982.247-25');
    expect(maskCpf('52998224725')).toBe('***.982.247-**');
  });
});

describe('Brazilian phones', () => {
  it.each([
    ['(11) 98765-4321', '+5511987654321'],
    ['+55 11 98765-4321', '+5511987654321'],
    ['5511987654321', '+5511987654321'],
    ['011 98765 4321', '+5511987654321'],
    ['0 21 2345-6789', '+552123456789'],
    ['0055 21 2345 6789', '+552123456789'],
    ['+1 415 555 0100', '+14155550100'],
  ])('%s → %s', (raw, e164) => expect(normalizePhone(raw)).toBe(e164));

  it.each(['12345', '(20) 98765-4321', '(11) 88765-43210', 'abc'])('rejects %s', (raw) => expect(normalizePhone(raw)).toBeNull());

  it('formats for display', () => {
    expect(formatPhoneBr('+5511987654321')).toBe('(11) 98765-4321');
    expect(formatPhoneBr('+552123456789')).toBe('(21) 2345-6789');
  });
});
