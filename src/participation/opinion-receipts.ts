import crypto from 'crypto';
import { promisify } from 'util';

/**
 * The receipt code (查询码) of an anonymous opinion: how its sender, and only whoever holds the
 * code, reads the answer and rates it. `<lookup>-<secret>`: the lookup finds the opinion, the
 * secret is checked against a slow hash (scrypt) stored with it. Nothing else ties the opinion
 * to anyone: not the account, not the sender's other opinions.
 */

// Crockford's base 32: no I, L, O or U, so a code read aloud or typed from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LOOKUP_LENGTH = 8; // 40 bits: tells opinions apart
const SECRET_LENGTH = 20; // 100 bits: guessing is hopeless, even with the hash in hand
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 };

const scryptOnPool = promisify<
  crypto.BinaryLike,
  crypto.BinaryLike,
  number,
  crypto.ScryptOptions,
  Buffer
>(crypto.scrypt);

// Each hash holds a thread of libuv's pool (which files and zlib share) for tens of milliseconds:
// at most two at once, the rest wait their turn.
const SCRYPT_AT_ONCE = 2;
let running = 0;
const waiting: Array<() => void> = [];
const scrypt = async (
  secret: string,
  salt: Buffer,
  keyLength: number,
  options: crypto.ScryptOptions,
): Promise<Buffer> => {
  if (running >= SCRYPT_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await scryptOnPool(secret, salt, keyLength, options);
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
};

const randomCode = (length: number) =>
  Array.from({ length }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join('');

export type Receipt = { lookup: string; secret: string; code: string };

export const newReceipt = (): Receipt => {
  const lookup = randomCode(LOOKUP_LENGTH);
  const secret = randomCode(SECRET_LENGTH);
  return { lookup, secret, code: `${lookup}-${secret}` };
};

/** A code as typed: case, spaces and Crockford's look-alikes (I, L → 1; O → 0) forgiven. Null when it cannot be one. */
export const parseReceipt = (given: unknown): { lookup: string; secret: string } | null => {
  if (typeof given !== 'string' || given.length > 100) return null;
  const normalised = given
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  const match = new RegExp(
    `^([${ALPHABET}]{${LOOKUP_LENGTH}})-([${ALPHABET}]{${SECRET_LENGTH}})$`,
  ).exec(normalised);
  return match ? { lookup: match[1], secret: match[2] } : null;
};

/** The stored form of a secret: `scrypt$N$r$p$salt$hash`, base64url. */
export const hashSecret = async (secret: string): Promise<string> => {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(secret, salt, SCRYPT.keyLength, {
    N: SCRYPT.N,
    r: SCRYPT.r,
    p: SCRYPT.p,
  });
  return [
    'scrypt',
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64url'),
    hash.toString('base64url'),
  ].join('$');
};

// What a code whose lookup matches nothing is checked against, so its answer takes as long as a wrong secret's.
let unmatched: Promise<string> | null = null;

/** Whether `secret` is the one `stored` hashes; with nothing stored, as slowly, and false. */
export const secretMatches = async (secret: string, stored: string | null): Promise<boolean> => {
  if (stored === null) {
    unmatched ??= hashSecret(crypto.randomBytes(16).toString('hex'));
    await secretMatches(secret, await unmatched);
    return false;
  }
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const given = await scrypt(secret, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return crypto.timingSafeEqual(given, expected);
};
