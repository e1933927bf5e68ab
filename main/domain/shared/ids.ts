import { randomBytes } from 'node:crypto';

/** New record id: a short type prefix and 16 random url-safe characters (e.g. `tkt_3fA9...`). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
