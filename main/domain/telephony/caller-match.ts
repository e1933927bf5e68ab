import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { isValidDdd } from '../../../shared/br/phone';

export interface CallerMatchOptions {
  /** Area code (DDD) of the operation, for numbers the PBX delivers without one (`987654321`). */
  defaultDdd?: string | null;
}

/**
 * The E.164 numbers a caller's ANI may be stored as, most likely first, for looking up customers
 * (whose phones are stored E.164, see shared/br/phone.ts). PBXs and carriers deliver the same
 * Brazilian number many ways: `+5511987654321`, `011987654321`, `0 21 11 98765-4321` (trunk prefix
 * and carrier code), `11987654321`, `987654321` (no DDD), or a mobile without its ninth digit
 * (`1187654321`, an old record or a trunk that strips it). Both the nine-digit form and the legacy
 * eight-digit one are returned where either could be on file. Numbers from other countries pass
 * through as E.164. An ANI that cannot be a phone (withheld, an internal extension) gives [].
 */
export function callerCandidates(ani: string | null | undefined, options: CallerMatchOptions = {}): string[] {
  const raw = ani?.trim() ?? '';
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 17) return [];
  const ddd = options.defaultDdd && /^\d{2}$/.test(options.defaultDdd) && isValidDdd(Number(options.defaultDdd)) ? options.defaultDdd : null;

  if (raw.startsWith('+')) return digits.startsWith('55') ? brazilian(digits.slice(2), null) : international(`+${digits}`);
  if (digits.startsWith('00')) {
    const rest = digits.slice(2);
    if (rest.startsWith('55') && (rest.length === 12 || rest.length === 13)) return brazilian(rest.slice(2), null);
    // 00 + carrier code + country is how Brazil dials abroad; libphonenumber knows the carrier codes.
    const parsed = parsePhoneNumberFromString(raw, 'BR');
    if (parsed?.country === 'BR') return brazilian(parsed.nationalNumber, null);
    if (parsed?.isPossible()) return [parsed.number];
    return international(`+${rest}`);
  }
  if (digits.startsWith('55') && (digits.length === 12 || digits.length === 13)) return brazilian(digits.slice(2), null);
  if (digits.startsWith('0')) {
    // Trunk prefix 0, optionally followed by a two-digit carrier code, before DDD + number.
    if (digits.length === 11 || digits.length === 12) return brazilian(digits.slice(1), null);
    if (digits.length === 13 || digits.length === 14) return brazilian(digits.slice(3), null);
    return [];
  }
  return brazilian(digits, ddd);
}

/** Candidates for a national number: DDD + 8 or 9 digits, or just the 8 or 9 digits when `ddd` is known. */
function brazilian(national: string, ddd: string | null): string[] {
  let full = national;
  if ((national.length === 8 || national.length === 9) && ddd) full = ddd + national;
  if (full.length !== 10 && full.length !== 11) return [];
  const areaCode = full.slice(0, 2);
  const local = full.slice(2);
  if (!isValidDdd(Number(areaCode))) return [];
  const e164 = (n: string) => `+55${areaCode}${n}`;
  if (local.length === 9) {
    if (local[0] !== '9') return [];
    // A record from before the ninth digit (2012–2016) stores the mobile with 8 digits.
    return /^[6-9]/.test(local.slice(1)) ? [e164(local), e164(local.slice(1))] : [e164(local)];
  }
  if (/^[2-5]/.test(local)) return [e164(local)]; // landline
  if (/^[6-9]/.test(local)) return [e164(`9${local}`), e164(local)]; // mobile missing its ninth digit
  return [];
}

function international(e164: string): string[] {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.isPossible() ? [parsed.number] : [];
}
