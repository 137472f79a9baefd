/**
 * Customer link tokens. A token is an HMAC-SHA256 over the request it
 * answers (run, request, expiry) with the server's secret: 256 bits no one
 * can forge, bound to one wait, re-derivable for reminders. Only its SHA-256
 * hash is stored, so a copy of the data folder alone opens no link.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
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
 * file kept in the data folder, created on first start and fsynced, since
 * every customer link already sent depends on it.
 */
export function loadSecret(dataDir: string | undefined, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (env.INLOOP_SECRET) {
    const raw = env.INLOOP_SECRET
    const secret = /^[0-9a-f]+$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64')
    if (secret.length < 32) throw new Error('INLOOP_SECRET must be at least 32 bytes (64 hex characters)')
    return secret
  }
  if (!dataDir) return randomBytes(32)
  const file = join(dataDir, SECRET_FILE)
  if (existsSync(file)) return readSecretFile(file)
  const secret = randomBytes(32)
  writeDurably(dataDir, file, secret.toString('hex'))
  return secret
}

const SECRET_FILE = 'secret.key'

function readSecretFile(file: string): Buffer {
  const text = readFileSync(file, 'utf8').trim()
  if (!/^(?:[0-9a-f]{2}){32,}$/i.test(text)) {
    throw new Error(
      `${file} is damaged: it should hold at least 64 hex characters. Restore it from a backup; ` +
        'deleting it makes a new secret, and every customer link already sent stops working',
    )
  }
  return Buffer.from(text, 'hex')
}

/** Write a new file so that it exists whole or not at all, and survives a power cut. */
function writeDurably(dir: string, file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`
  const fd = openSync(temp, 'w', 0o600)
  try {
    writeSync(fd, content)
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temp, file)
  const dirFd = openSync(dir, 'r')
  try {
    fsyncSync(dirFd)
  } finally {
    closeSync(dirFd)
  }
}
