/**
 * Customer link tokens. A token is an HMAC-SHA256 over the request it
 * answers (run, request, expiry) with the server's secret: 256 bits no one
 * can forge, bound to one wait, re-derivable for reminders. Only its SHA-256
 * hash is stored, so a copy of the data folder alone opens no link.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LinkSigner } from './engine/deps.js'

export function createLinkSigner(secret: Buffer): LinkSigner {
  if (secret.length < 32) throw new Error('the link secret must be at least 32 bytes')
  return {
    tokenFor: ({ runId, requestId, expiresAt }) =>
      createHmac('sha256', secret).update(`inloop-link\u0000${runId}\u0000${requestId}\u0000${expiresAt}`).digest('base64url'),
    hash: (token) => createHash('sha256').update(token).digest('hex'),
  }
}

/**
 * The server secret: `INLOOP_SECRET` (hex or base64, ≥ 32 bytes) or a key
 * file kept in the data folder, created on first start.
 */
export function loadSecret(dataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.INLOOP_SECRET) {
    const raw = env.INLOOP_SECRET
    const secret = /^[0-9a-f]+$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
    if (secret.length < 32) throw new Error('INLOOP_SECRET must be at least 32 bytes (64 hex characters)')
    return secret
  }
  if (!dataDir) return randomBytes(32)
  const file = join(dataDir, 'secret.key')
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex')
  const secret = randomBytes(32)
  writeFileSync(file, secret.toString('hex'), { mode: 0o600, flag: 'wx' })
  return secret
}
