import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLinkSigner, loadSecret } from '../../../runtime/links.js'

describe('the link secret', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inloop-secret-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('is created once in the data folder and read back the same on the next start', () => {
    const first = loadSecret(dir, {})
    expect(first).toHaveLength(32)
    expect(loadSecret(dir, {})).toEqual(first)
    expect(readdirSync(dir)).toEqual(['secret.key'])
  })

  it('is readable by its owner only', () => {
    loadSecret(dir, {})
    expect(statSync(join(dir, 'secret.key')).mode & 0o077).toBe(0)
  })

  it('comes from INLOOP_SECRET when it is set', () => {
    const hex = 'ab'.repeat(32)
    expect(loadSecret(dir, { INLOOP_SECRET: hex }).toString('hex')).toBe(hex)
    expect(readdirSync(dir)).toEqual([])
  })

  it('refuses a short INLOOP_SECRET', () => {
    expect(() => loadSecret(dir, { INLOOP_SECRET: 'abcd' })).toThrow(/at least 32 bytes/)
  })

  it('refuses an empty secret file with a message saying what to do', () => {
    writeFileSync(join(dir, 'secret.key'), '')
    expect(() => loadSecret(dir, {})).toThrow(/secret\.key is damaged.*Restore it from a backup/)
  })

  it('refuses a truncated secret file instead of signing with a weak key', () => {
    writeFileSync(join(dir, 'secret.key'), 'ab'.repeat(10))
    expect(() => loadSecret(dir, {})).toThrow(/is damaged/)
  })

  it('keeps its content when read again', () => {
    const secret = loadSecret(dir, {})
    expect(readFileSync(join(dir, 'secret.key'), 'utf8')).toBe(secret.toString('hex'))
  })
})

describe('link tokens', () => {
  const binding = { runId: 'r_1', requestId: 'q_1', expiresAt: '2026-01-07T09:00:00.000Z' }

  it('are the same for the same request, so a reminder resends the same link', () => {
    const signer = createLinkSigner(Buffer.alloc(32, 1))
    expect(signer.tokenFor(binding)).toBe(signer.tokenFor(binding))
  })

  it('differ for another request, another expiry or another secret', () => {
    const signer = createLinkSigner(Buffer.alloc(32, 1))
    const token = signer.tokenFor(binding)
    expect(signer.tokenFor({ ...binding, requestId: 'q_2' })).not.toBe(token)
    expect(signer.tokenFor({ ...binding, expiresAt: '2026-01-08T09:00:00.000Z' })).not.toBe(token)
    expect(createLinkSigner(Buffer.alloc(32, 2)).tokenFor(binding)).not.toBe(token)
  })

  it('are stored only as a hash that is not the token', () => {
    const signer = createLinkSigner(Buffer.alloc(32, 1))
    const token = signer.tokenFor(binding) as string
    expect(signer.hash(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(signer.hash(token)).not.toContain(token)
  })

  it('need a secret of at least 32 bytes', () => {
    expect(() => createLinkSigner(Buffer.alloc(16))).toThrow(/at least 32 bytes/)
  })
})
