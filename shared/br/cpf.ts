/** Brazilian CPF helpers (pure, no I/O). */

/** Strips everything but digits. */
export function cpfDigits(value: string): string {
  return value.replace(/\D/g, '');
}

function checkDigit(digits: string, length: number): number {
  let sum = 0;
  for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
}

/** True when `value` (formatted or not) is a valid CPF: 11 digits, correct check digits, not all equal. */
export function isValidCpf(value: string): boolean {
  const d = cpfDigits(value);
  if (d.length !== 11 || /^(\d)\1{10}$/.test(d)) return false;
  return checkDigit(d, 9) === Number(d[9]) && checkDigit(d, 10) === Number(d[10]);
}

/** Completes a 9-digit CPF base with its two check digits. */
export function cpfWithCheckDigits(base9: string): string {
  const first = checkDigit(base9, 9);
  const second = checkDigit(base9 + String(first), 10);
  return base9 + String(first) + String(second);
}

/** 12345678909 → 123.456.789-09 */
export function formatCpf(value: string): string {
  const d = cpfDigits(value);
  return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9, 11)}`;
}

/** Masked for display (LGPD): ***.456.789-** */
export function maskCpf(value: string): string {
  const d = cpfDigits(value);
  return `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**`;
}
