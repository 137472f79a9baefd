import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../../runtime/server.js'
import { startTestServer, type TestServer } from '../../helpers/api.js'
import { signIn, TEST_ADMIN_PASSWORD } from '../../helpers/people.js'
import { removeTempDirs, tempDir } from '../store/fixtures/temp-dir.js'

const TOKEN = 'crm-token-3f9a1c77b2'

describe('credentials API', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it('creates a credential and answers with its metadata, never the secret', async () => {
    const created = await t.api('POST', '/api/credentials', { name: 'crm', description: 'CRM lookups', secret: { kind: 'bearer', token: TOKEN } })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({ name: 'crm', kind: 'bearer', description: 'CRM lookups', createdBy: 'admin' })
    for (const res of [created, await t.api('GET', '/api/credentials'), await t.api('GET', '/api/credentials/crm')]) {
      expect(res.text).not.toContain(TOKEN)
    }
    expect((await t.api('GET', '/api/credentials')).body.map((c: { name: string }) => c.name)).toContain('crm')
  })

  it('refuses a second credential of the same name with 409', async () => {
    await t.api('POST', '/api/credentials', { name: 'dup', secret: { kind: 'api-key', key: 'k1' } })
    const again = await t.api('POST', '/api/credentials', { name: 'dup', secret: { kind: 'api-key', key: 'k2' } })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('CREDENTIAL_EXISTS')
  })

  it('replaces the secret (and the kind) under the same name', async () => {
    await t.api('POST', '/api/credentials', { name: 'rotating', secret: { kind: 'api-key', key: 'old-key' } })
    const replaced = await t.api('PUT', '/api/credentials/rotating', { secret: { kind: 'basic', username: 'svc', password: 'new-pass' } })
    expect(replaced.status).toBe(200)
    expect(replaced.body).toMatchObject({ name: 'rotating', kind: 'basic' })
    expect(replaced.text).not.toContain('new-pass')
  })

  it('deletes a credential, and a second delete is 404', async () => {
    await t.api('POST', '/api/credentials', { name: 'gone', secret: { kind: 'hmac', key: 'whsec' } })
    expect((await t.api('DELETE', '/api/credentials/gone')).status).toBe(204)
    const again = await t.api('DELETE', '/api/credentials/gone')
    expect(again.status).toBe(404)
    expect(again.body.error.code).toBe('CREDENTIAL_NOT_FOUND')
  })

  it('says which field is wrong in a bad body', async () => {
    const res = await t.api('POST', '/api/credentials', { name: 'Bad Name', secret: { kind: 'bearer' } })
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/body\.name/)
    expect(res.body.error.message).toMatch(/body\.secret\.token/)
  })

  it('lets a designer list credential names but not create, replace or delete one', async () => {
    const designer = await t.people.as('dora', { roles: ['designer'] })
    expect((await designer('GET', '/api/credentials')).status).toBe(200)
    expect((await designer('POST', '/api/credentials', { name: 'mine', secret: { kind: 'bearer', token: 'x' } })).status).toBe(403)
    expect((await designer('PUT', '/api/credentials/crm', { secret: { kind: 'bearer', token: 'x' } })).status).toBe(403)
    expect((await designer('DELETE', '/api/credentials/crm')).status).toBe(403)
  })

  it('keeps reviewers out of the list', async () => {
    const reviewer = await t.people.as('rita', { groups: ['credit-officer'] })
    expect((await reviewer('GET', '/api/credentials')).status).toBe(403)
  })
})

describe('credentials at rest', () => {
  afterAll(removeTempDirs)

  it('are sealed in the data folder and open again after a restart', async () => {
    const dataDir = await tempDir()
    const options = { port: 0, host: '127.0.0.1', dataDir, examples: false, apiKey: '', adminPassword: TEST_ADMIN_PASSWORD, passwordCost: 10 }
    const first = await startServer(options)
    try {
      const api = await signIn(first.url, 'admin', TEST_ADMIN_PASSWORD)
      expect((await api('POST', '/api/credentials', { name: 'crm', secret: { kind: 'bearer', token: TOKEN } })).status).toBe(201)
    } finally {
      await first.close()
    }
    const folder = join(dataDir, 'auth', 'credentials')
    const files = await readdir(folder)
    expect(files).toEqual(['crm.json'])
    const raw = await readFile(join(folder, 'crm.json'), 'utf8')
    expect(raw).not.toContain(TOKEN)
    expect(JSON.parse(raw).sealed).toMatch(/^v1\./)

    const second = await startServer(options)
    try {
      const api = await signIn(second.url, 'admin', TEST_ADMIN_PASSWORD)
      expect((await api('GET', '/api/credentials')).body).toMatchObject([{ name: 'crm', kind: 'bearer' }])
    } finally {
      await second.close()
    }
  })
})
