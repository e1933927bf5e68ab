import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

const DEFAULTS = { N: 16384, r: 8, p: 1, keylen: 32 };

/**
 * Hashes a password with scrypt; format `scrypt$N$r$p$salt$hash` (base64), so parameters can be
 * raised later without invalidating stored hashes. `cost` lowers N for bulk demo data only.
 */
export async function hashPassword(password: string, cost: { N?: number } = {}): Promise<string> {
  const N = cost.N ?? DEFAULTS.N;
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, DEFAULTS.keylen, { N, r: DEFAULTS.r, p: DEFAULTS.p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', N, DEFAULTS.r, DEFAULTS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Constant-time check of a password against a stored hash. False for malformed hashes. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const key = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
