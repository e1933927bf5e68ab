import { createHmac, timingSafeEqual } from 'node:crypto';

const SHA256_HEX = /^(?:sha256=)?([0-9a-f]{64})$/i;

/** Header value a sender puts on `body`: `sha256=` + hex HMAC-SHA256 with the shared secret. */
export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Whether `header` (hex HMAC-SHA256 of the raw body, `sha256=` prefix optional) was made with
 * `secret`. Compared in constant time, so response timing leaks nothing about the expected value.
 */
export function verifySignature(secret: string, body: string | Uint8Array, header: string): boolean {
  const match = SHA256_HEX.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1] as string, 'hex');
  const expected = createHmac('sha256', secret).update(body).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}
