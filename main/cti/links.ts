import { z } from 'zod';
import { IdSchema } from '../../shared/schemas/common';

/** A number to dial: optional `+`, then digits only (visual separators removed). Short internal extensions allowed. */
export const DialNumberSchema = z.string().regex(/^\+?\d{2,20}$/, 'not a dialable number');

export const TicketRefSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('number'), number: z.number().int().positive().max(1e12) }),
  z.object({ by: z.literal('id'), id: IdSchema }),
]);

/** What a click-to-dial or deep link asks the app to do. */
export const CtiLinkSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dial'), number: DialNumberSchema, scheme: z.enum(['tel', 'callto', 'atende']) }),
  z.object({ kind: z.literal('customer'), customerId: IdSchema }),
  z.object({ kind: z.literal('ticket'), ticket: TicketRefSchema }),
]);
export type CtiLink = z.infer<typeof CtiLinkSchema>;

export type CtiLinkRejection = 'too_long' | 'not_a_url' | 'unsupported_scheme' | 'unsupported_target' | 'invalid_number' | 'invalid_id';
export type CtiLinkResult = { ok: true; link: CtiLink } | { ok: false; reason: CtiLinkRejection; detail: string };

const MAX_LINK_LENGTH = 2048;
const SCHEME = /^([a-z][a-z0-9+.-]*):(.*)$/is;

/**
 * Parses `tel:`, `callto:`, `atende://call?number=…`, `atende://customer/<id>` and
 * `atende://ticket/<number|id>`. Links come from outside the app (browser, OS, other programs), so
 * anything else — other schemes, extra path parts, credentials, odd characters — is refused with a reason.
 */
export function parseCtiLink(raw: string): CtiLinkResult {
  const text = raw.trim();
  if (text.length > MAX_LINK_LENGTH) return reject('too_long', `longer than ${MAX_LINK_LENGTH} characters`);
  const match = SCHEME.exec(text);
  if (!match) return reject('not_a_url', 'no scheme');
  const scheme = (match[1] as string).toLowerCase();
  const rest = match[2] as string;
  if (scheme === 'tel') return dial(rest, 'tel');
  if (scheme === 'callto') return dial(rest.replace(/^\/\//, ''), 'callto');
  if (scheme === 'atende') return atende(text);
  return reject('unsupported_scheme', `${scheme}: links are not handled`);
}

function atende(text: string): CtiLinkResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return reject('not_a_url', 'malformed atende:// link');
  }
  if (url.username || url.password || url.port) return reject('unsupported_target', 'atende:// links carry no credentials or port');
  const target = url.hostname.toLowerCase();
  const segments = url.pathname.split('/').filter(Boolean);
  if (target === 'call') {
    if (segments.length > 0) return reject('unsupported_target', 'atende://call takes only ?number=');
    return dial(url.searchParams.get('number') ?? '', 'atende');
  }
  if ((target !== 'customer' && target !== 'ticket') || segments.length !== 1 || url.search) {
    return reject('unsupported_target', `atende://${target}${url.pathname} is not a known target`);
  }
  const id = decode(segments[0] as string);
  if (target === 'customer') return validated({ kind: 'customer', customerId: id }, 'invalid_id');
  const bare = id?.replace(/^#/, '');
  const ticket = bare && /^\d+$/.test(bare) ? { by: 'number', number: Number(bare) } : { by: 'id', id: bare };
  return validated({ kind: 'ticket', ticket }, 'invalid_id');
}

function dial(value: string, scheme: 'tel' | 'callto' | 'atende'): CtiLinkResult {
  // tel: parameters (`;ext=`, `;phone-context=`) and queries are not part of the number.
  const number = decode(value.split(/[;?]/)[0] ?? '')?.replace(/[\s().-]/g, '');
  return validated({ kind: 'dial', number, scheme }, 'invalid_number');
}

function validated(candidate: unknown, reason: CtiLinkRejection): CtiLinkResult {
  const parsed = CtiLinkSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, link: parsed.data };
  return reject(reason, parsed.error.issues[0]?.message ?? 'invalid');
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

function reject(reason: CtiLinkRejection, detail: string): CtiLinkResult {
  return { ok: false, reason, detail };
}
