import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Passwords are stored only as scrypt hashes: `scrypt$N$r$p$salt$hash` (base64), so the
 * cost can be raised later without breaking old hashes. N=2^15 costs ~60 ms on an old
 * laptop: slow for a guesser, unnoticeable at login.
 */
export const PASSWORD_COST: Readonly<ScryptCost> = Object.freeze({ N: 2 ** 15, r: 8, p: 1 });
const KEYLEN = 32;

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

let cost: ScryptCost = PASSWORD_COST;

/**
 * For tests only (tests/fixtures/test-setup.ts): hashing at the real cost dominates a test run
 * and, on a busy machine, outlasts the UI's waits. Verification always reads the cost from the
 * stored hash, so hashes made at either cost keep working. `null` restores the real cost. The app
 * never calls this.
 */
export function setPasswordCostForTests(next: ScryptCost | null): void {
  cost = next ?? PASSWORD_COST;
  dummy = null;
}

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFKC'), salt, keylen, { ...opts, maxmem: 128 * opts.N! * opts.r! * 2 }, (e, key) =>
      e ? reject(e) : resolve(key),
    ),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const { N, r, p } = cost;
  const key = await scrypt(password, salt, KEYLEN, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, keyB64] = parts;
  const expected = Buffer.from(keyB64!, 'base64');
  const key = await scrypt(password, Buffer.from(saltB64!, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the user does not exist, so timing does not reveal it. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('tidak-ada-pengguna-ini');
  return dummy;
}
