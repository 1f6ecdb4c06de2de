// Console passwords, hashed with scrypt (memory-hard, in node:crypto: no native build needed).
// N = 2^15, r = 8 → 32 MiB and ~0.1 s per guess on a laptop; with the login limits of
// login-limit.ts an online guesser gets a handful of tries per quarter hour, and a stolen
// database costs an offline guesser the same memory per try. The parameters travel inside the
// stored hash, so they can be raised later without locking anyone out.
import crypto from 'node:crypto';

const N = 2 ** 15;
const R = 8;
const P = 1;
const KEY_BYTES = 32;
/** scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that, so give room. */
const MAXMEM = 64 * 1024 * 1024;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    // Asynchronous: runs on libuv's thread pool, so a login never stalls other requests.
    crypto.scrypt(password.normalize('NFC'), salt, KEY_BYTES, { N: n, r, p, maxmem: MAXMEM }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** A stored hash no password matches, checked when the account does not exist (same time either way). */
let decoy: Promise<string> | null = null;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  decoy ??= hashPassword(crypto.randomBytes(16).toString('hex'));
  const parts = (stored ?? (await decoy)).split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // A hash from the database is trusted, but not to the point of asking for gigabytes.
  if (!(n >= 2 ** 10 && n <= 2 ** 17 && r >= 1 && r <= 16 && p >= 1 && p <= 4)) return false;
  const want = Buffer.from(parts[5]!, 'base64url');
  const got = await scrypt(password, Buffer.from(parts[4]!, 'base64url'), n, r, p);
  return stored !== null && want.length === got.length && crypto.timingSafeEqual(want, got);
}

/** Null when the password is acceptable, else why not (a code the console translates). */
export function passwordProblem(password: string, username: string): 'password_short' | 'password_long' | 'password_is_name' | null {
  if ([...password].length < PASSWORD_MIN) return 'password_short';
  if (password.length > PASSWORD_MAX) return 'password_long';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'password_is_name';
  return null;
}
