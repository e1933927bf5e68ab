/**
 * Brazilian phone normalization to E.164 without external dependencies, so the
 * schemas stay usable in every layer. Numbers outside Brazil must come with "+".
 */

/** Valid Brazilian area codes (DDD). */
const DDDS = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45,
  46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83,
  84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
]);

export function isValidDdd(ddd: number): boolean {
  return DDDS.has(ddd);
}

/**
 * Normalizes a phone typed in any common format to E.164 (`+5511987654321`).
 * Accepts `+55 (11) 98765-4321`, `011 98765-4321`, `11987654321`, `0055...`.
 * Returns null when the number cannot be a valid phone.
 */
export function normalizePhone(raw: string): string | null {
  const trimmed = raw.trim();
  let digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) {
    if (!digits.startsWith('55')) return digits.length >= 8 && digits.length <= 15 ? `+${digits}` : null;
    digits = digits.slice(2);
  } else if (digits.startsWith('0055')) {
    digits = digits.slice(4);
  } else if (digits.startsWith('55') && (digits.length === 12 || digits.length === 13)) {
    digits = digits.slice(2);
  }
  // Trunk prefix "0" and optional carrier code (0 + 2 digits) before the DDD.
  if (digits.startsWith('0') && (digits.length === 11 || digits.length === 12)) digits = digits.slice(1);
  else if (digits.startsWith('0') && (digits.length === 13 || digits.length === 14)) digits = digits.slice(3);
  if (digits.length !== 10 && digits.length !== 11) return null;
  const ddd = Number(digits.slice(0, 2));
  if (!isValidDdd(ddd)) return null;
  const local = digits.slice(2);
  if (local.length === 9 && local[0] !== '9') return null; // 9-digit numbers are mobiles
  if (local.length === 8 && !/^[2-5]/.test(local) && !/^[6-9]/.test(local)) return null;
  return `+55${digits}`;
}

/** +5511987654321 → (11) 98765-4321 */
export function formatPhoneBr(e164: string): string {
  if (!e164.startsWith('+55')) return e164;
  const d = e164.slice(3);
  const ddd = d.slice(0, 2);
  const local = d.slice(2);
  const cut = local.length - 4;
  return `(${ddd}) ${local.slice(0, cut)}-${local.slice(cut)}`;
}
