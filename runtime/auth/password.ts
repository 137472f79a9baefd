/**
 * Password hashing with scrypt from `node:crypto`: a random 16-byte salt and
 * the cost stored in the hash (`scrypt$<logN>$<r>$<p>$<salt>$<hash>`), so the
 * cost can rise later without breaking old hashes. Comparison is constant-time.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** OWASP's minimum for scrypt: N = 2^17, r = 8, p = 1. */
export const DEFAULT_LOG_N = 17
const KEY_LENGTH = 32

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((done, fail) => scryptCallback(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? fail(err) : done(key))))
}

const optionsFor = (logN: number, r: number, p: number): ScryptOptions => ({ N: 2 ** logN, r, p, maxmem: 2 ** logN * r * 256 })

/**
 * @example
 * const stored = await hashPassword('correct horse battery staple')
 * await verifyPassword('correct horse battery staple', stored) // true
 */
export async function hashPassword(password: string, logN = DEFAULT_LOG_N): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, optionsFor(logN, 8, 1))
  return `scrypt$${logN}$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$')
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false
  const [logN, r, p] = parts.slice(1, 4).map(Number)
  if (![logN, r, p].every(Number.isInteger) || logN < 1 || logN > 22 || r < 1 || r > 32 || p < 1 || p > 16) return false
  const expected = Buffer.from(parts[5], 'base64url')
  const key = await scrypt(password, Buffer.from(parts[4], 'base64url'), optionsFor(logN, r, p))
  return key.length === expected.length && timingSafeEqual(key, expected)
}
