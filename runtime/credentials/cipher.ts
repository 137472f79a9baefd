/**
 * Sealing credential secrets at rest: AES-256-GCM with a key derived (HKDF-
 * SHA256) from the server secret, a fresh 96-bit IV per seal, and the
 * credential's name as additional data — a sealed value copied onto another
 * name, or changed by one bit, does not open.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

const VERSION = 'v1'

export interface SecretBox {
  seal(name: string, plaintext: string): string
  open(name: string, sealed: string): string
}

/** A box keyed from the server secret (`INLOOP_SECRET` or the data folder's key file). */
export function createSecretBox(serverSecret: Buffer): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', serverSecret, Buffer.from('inloop'), Buffer.from('inloop credentials v1'), 32))
  return {
    seal(name, plaintext) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      cipher.setAAD(Buffer.from(name))
      const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return [VERSION, iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.')
    },
    open(name, sealed) {
      const [version, iv, tag, data] = sealed.split('.')
      if (version !== VERSION || !iv || !tag || data === undefined) throw new Error(`the credential '${name}' is not sealed in a form this server knows`)
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
      decipher.setAAD(Buffer.from(name))
      decipher.setAuthTag(Buffer.from(tag, 'base64url'))
      try {
        return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
      } catch {
        throw new Error(`the credential '${name}' cannot be opened with this server's secret (was INLOOP_SECRET or the data folder's secret.key changed?)`)
      }
    },
  }
}
