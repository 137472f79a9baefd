/** Random bearer secrets (session ids, API keys, generated passwords) and the hashes stored in their place. */
import { createHash, randomBytes } from 'node:crypto'

/** 256 random bits, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

/** A password for a person to type once: 20 characters from an alphabet without look-alikes (~115 bits). */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(length * 2)
  let out = ''
  // 256 is not a multiple of the alphabet's size: drop the bytes that would skew it.
  const limit = 256 - (256 % alphabet.length)
  for (let i = 0; i < bytes.length && out.length < length; i++) if (bytes[i] < limit) out += alphabet[bytes[i] % alphabet.length]
  return out.length === length ? out : generatePassword(length)
}
