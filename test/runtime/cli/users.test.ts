import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../runtime/cli/main.js'
import { startServer } from '../../../runtime/server.js'
import { signIn } from '../../helpers/people.js'

async function inloop(...argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { out: (s) => out.push(s), err: (s) => err.push(s) })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

describe('inloop users', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'inloop-users-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('adds a reviewer with groups who can then sign in to the server', async () => {
    const added = await inloop('users', 'add', 'rita', '--role', 'reviewer', '--group', 'credit-officer', '--password', 'ritas-own-password', '--data', dir)
    expect(added).toMatchObject({ code: 0, out: 'added rita (reviewer; groups credit-officer)' })
    const server = await startServer({ port: 0, dataDir: dir, examples: false, apiKey: '' })
    try {
      expect(server.firstAdmin).toBeUndefined()
      const rita = await signIn(server.url, 'rita', 'ritas-own-password')
      expect((await rita('GET', '/api/auth/me')).body.user).toMatchObject({ roles: ['reviewer'], groups: ['credit-officer'] })
    } finally {
      await server.close()
    }
  })

  it('prints a generated password once when none is given, and lists people', async () => {
    const added = await inloop('users', 'add', 'olga', '--role', 'owner', '--data', dir)
    expect(added.out).toMatch(/password: [A-Za-z0-9]{20} {3}\(shown once/)
    const listed = await inloop('users', 'list', '--data', dir)
    expect(listed.out.split('\n')).toEqual(['olga\towner\t', 'rita\treviewer\tcredit-officer'])
  })

  it('refuses an unknown role with exit 2', async () => {
    const res = await inloop('users', 'add', 'x', '--role', 'boss', '--data', dir)
    expect(res.code).toBe(2)
    expect(res.err).toContain('unknown role boss')
  })
})
