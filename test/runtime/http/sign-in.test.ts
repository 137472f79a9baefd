import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../../runtime/server.js'
import { createApi, latestToken, publishFlow, startRun, startTestServer, type TestServer } from '../../helpers/api.js'
import { chooseFlow, reviewFlow } from '../../helpers/flows.js'
import { TEST_PASSWORD, sessionCookie, signIn } from '../../helpers/people.js'

const login = (t: TestServer, username: string, password: string, headers: Record<string, string> = {}) =>
  t.anonymous('POST', '/api/auth/login', { username, password }, headers)

describe('signing in', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
    await t.people.as('rita', { groups: ['checker'] })
  })
  afterAll(() => t.close())

  it('sets an opaque session cookie that is httpOnly and SameSite=Lax', async () => {
    const res = await login(t, 'rita', TEST_PASSWORD)
    expect(res.status).toBe(200)
    expect(res.body.user).toMatchObject({ username: 'rita', roles: ['reviewer'], groups: ['checker'] })
    expect(res.text).not.toContain('passwordHash')
    const cookie = res.headers.get('set-cookie')!
    expect(cookie).toMatch(/^inloop_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/)
    expect(cookie).not.toContain('rita')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('tells a signed-in person who they are', async () => {
    const rita = await signIn(t.url, 'rita', TEST_PASSWORD)
    const me = await rita('GET', '/api/auth/me')
    expect(me.body).toMatchObject({ user: { username: 'rita', groups: ['checker'] }, via: 'session' })
  })

  it('answers a wrong password and an unknown user alike with 401', async () => {
    const wrong = await login(t, 'rita', 'not-the-password')
    const unknown = await login(t, 'nobody-here', 'not-the-password')
    expect([wrong.status, unknown.status]).toEqual([401, 401])
    expect(wrong.body).toEqual(unknown.body)
    expect(wrong.headers.get('set-cookie')).toBeNull()
  })

  it('refuses further sign-ins for a username after ten failures with 429', async () => {
    await t.people.as('guessed', {})
    for (let i = 0; i < 10; i++) expect((await login(t, 'guessed', `wrong-${i}-password`)).status).toBe(401)
    const res = await login(t, 'guessed', TEST_PASSWORD)
    expect(res.status).toBe(429)
    expect(res.body.error).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: expect.any(Number) })
  })

  it('ends the session on sign-out', async () => {
    const rita = await signIn(t.url, 'rita', TEST_PASSWORD)
    expect((await rita('POST', '/api/auth/logout')).status).toBe(204)
    expect((await rita('GET', '/api/auth/me')).status).toBe(401)
  })

  it('ends every session of a user who is disabled', async () => {
    const sam = await t.people.as('sam', { groups: ['checker'] })
    expect((await sam('GET', '/api/tasks')).status).toBe(200)
    expect((await t.api('PATCH', '/api/users/sam', { disabled: true })).status).toBe(200)
    expect((await sam('GET', '/api/tasks')).status).toBe(401)
    expect((await login(t, 'sam', TEST_PASSWORD)).status).toBe(401)
  })

  it('changes one’s own password and ends the other sessions', async () => {
    await t.people.as('pat', {})
    const other = await signIn(t.url, 'pat', TEST_PASSWORD)
    const pat = await signIn(t.url, 'pat', TEST_PASSWORD)
    const res = await pat('POST', '/api/auth/password', { current: TEST_PASSWORD, next: 'a-brand-new-password' })
    expect(res.status).toBe(204)
    expect((await other('GET', '/api/auth/me')).status).toBe(401)
    expect((await login(t, 'pat', 'a-brand-new-password')).status).toBe(200)
  })

  it('answers 401 on a protected route without a session, naming how to sign in', async () => {
    for (const path of ['/api/flows', '/api/tasks', '/api/runs', '/api/outbox', '/api/users', '/api/auth/me']) {
      const res = await t.anonymous('GET', path)
      expect(res.status, path).toBe(401)
    }
    expect((await t.anonymous('GET', '/api/flows')).body.error.message).toMatch(/POST \/api\/auth\/login/)
  })

  it('refuses a session after it has expired', async () => {
    const short = await startServer({ port: 0, memory: true, examples: false, apiKey: '', adminPassword: 'short-lived-admin', passwordCost: 10, sessionTtlMs: 150 })
    try {
      const admin = await signIn(short.url, 'admin', 'short-lived-admin')
      expect((await admin('GET', '/api/auth/me')).status).toBe(200)
      await new Promise((r) => setTimeout(r, 250))
      expect((await admin('GET', '/api/auth/me')).status).toBe(401)
    } finally {
      await short.close()
    }
  })
})

describe('roles', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
    await publishFlow(t.api, reviewFlow('roles-flow'))
  })
  afterAll(() => t.close())

  it('refuses a reviewer editing or publishing a flow with 403', async () => {
    const rita = await t.people.as('rita', { groups: ['checker'] })
    expect((await rita('PUT', '/api/flows/roles-flow', reviewFlow('roles-flow'))).status).toBe(403)
    const res = await rita('POST', '/api/flows/roles-flow/publish', {})
    expect(res.status).toBe(403)
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('designer') })
  })

  it('refuses a reviewer reading runs and the outbox with 403', async () => {
    const rita = await t.people.as('rita', { groups: ['checker'] })
    expect((await rita('GET', '/api/runs')).status).toBe(403)
    expect((await rita('GET', '/api/outbox')).status).toBe(403)
  })

  it('lets a designer save, publish and start a flow', async () => {
    const dana = await t.people.as('dana', { roles: ['designer'] })
    expect((await dana('PUT', '/api/flows/designed', reviewFlow('designed'))).status).toBe(200)
    expect((await dana('POST', '/api/flows/designed/publish', {})).status).toBe(201)
    expect((await dana('POST', '/api/flows/designed/runs', { input: {} })).status).toBe(201)
  })

  it('lets an owner read runs and parameters but not publish', async () => {
    const olga = await t.people.as('olga', { roles: ['owner'] })
    expect((await olga('GET', '/api/runs')).status).toBe(200)
    expect((await olga('POST', '/api/flows/roles-flow/publish', {})).status).toBe(403)
  })

  it('refuses a designer managing users with 403', async () => {
    const dana = await t.people.as('dana', { roles: ['designer'] })
    expect((await dana('GET', '/api/users')).status).toBe(403)
    expect((await dana('POST', '/api/users', { username: 'mallory', roles: ['admin'] })).status).toBe(403)
  })

  it('returns a generated password once when an admin creates a user without one', async () => {
    const res = await t.api('POST', '/api/users', { username: 'newbie', roles: ['reviewer'], groups: ['legal'] })
    expect(res.status).toBe(201)
    expect(res.body.password).toMatch(/^[A-Za-z0-9]{20}$/)
    expect((await login(t, 'newbie', res.body.password)).status).toBe(200)
    expect((await t.api('GET', '/api/users')).text).not.toContain(res.body.password)
  })

  it('never removes, disables or demotes the last admin', async () => {
    expect((await t.api('DELETE', '/api/users/admin')).status).toBe(409)
    expect((await t.api('PATCH', '/api/users/admin', { roles: ['designer'] })).body.error.code).toBe('LAST_ADMIN')
    expect((await t.api('PATCH', '/api/users/admin', { disabled: true })).status).toBe(409)
  })

  it('lists reviewer groups and their members for every signed-in person', async () => {
    await t.people.as('lena', { groups: ['legal'] })
    const rita = await t.people.as('rita', { groups: ['checker'] })
    const groups = (await rita('GET', '/api/groups')).body
    expect(groups).toEqual(expect.arrayContaining([{ name: 'legal', members: expect.arrayContaining([{ username: 'lena', name: 'lena' }]) }]))
  })
})

describe('requests from another site', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it('refuses a cross-site write carrying the session cookie with 403', async () => {
    const res = await t.api('PUT', '/api/flows/csrf', reviewFlow('csrf'), { 'sec-fetch-site': 'cross-site' })
    expect(res.status).toBe(403)
    expect(res.body.error.code).toBe('CROSS_SITE')
    expect((await t.api('GET', '/api/flows/csrf')).status).toBe(404)
  })

  it('refuses a write whose Origin names another host with 403', async () => {
    const res = await t.api('POST', '/api/flows/validate', reviewFlow('csrf'), { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
  })

  it('refuses a sign-in posted from another site', async () => {
    expect((await login(t, 'admin', 'whatever-password', { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
  })

  it('accepts a write from the same origin', async () => {
    const host = new URL(t.url).host
    expect((await t.api('PUT', '/api/flows/csrf', reviewFlow('csrf'), { 'sec-fetch-site': 'same-origin', origin: `http://${host}` })).status).toBe(200)
    expect((await t.api('PUT', '/api/flows/csrf', reviewFlow('csrf'), { origin: `http://${host}` })).status).toBe(200)
  })

  it('lets a cross-site GET through (it changes nothing)', async () => {
    expect((await t.api('GET', '/api/flows', undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(200)
  })
})

describe('API keys', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ apiKey: 'env-admin-key-for-tests' })
    await publishFlow(t.api, reviewFlow('keyed'))
  })
  afterAll(() => t.close())

  it('makes a key that is shown once and works as its roles allow', async () => {
    const made = await t.api('POST', '/api/keys', { name: 'crm', roles: ['designer'] })
    expect(made.status).toBe(201)
    expect(made.body.key).toMatch(/^ilk_[a-z0-9]+_[A-Za-z0-9_-]{43}$/)
    const crm = createApi(t.url, { authorization: `Bearer ${made.body.key}` })
    const started = await crm('POST', '/api/flows/keyed/runs', { input: {} })
    expect(started.status).toBe(201)
    expect((await t.api('GET', `/api/runs/${started.body.runId}/events`)).body[0].requestedBy).toBe('key:crm')
    expect((await crm('GET', '/api/users')).status).toBe(403)
    expect((await t.api('GET', '/api/keys')).text).not.toContain(made.body.key)
  })

  it('refuses a deleted key with 401', async () => {
    const made = await t.api('POST', '/api/keys', { name: 'gone', roles: ['designer'] })
    const gone = createApi(t.url, { authorization: `Bearer ${made.body.key}` })
    expect((await t.api('DELETE', `/api/keys/${made.body.apiKey.id}`)).status).toBe(204)
    expect((await gone('GET', '/api/flows')).status).toBe(401)
  })

  it('lets the admin key act for an existing person, recorded under their name', async () => {
    await t.people.as('ivan', { roles: ['designer'] })
    const key = createApi(t.url, { authorization: 'Bearer env-admin-key-for-tests', 'x-inloop-user': 'ivan' })
    const started = await key('POST', '/api/flows/keyed/runs', { input: {} })
    expect((await t.api('GET', `/api/runs/${started.body.runId}/events`)).body[0].requestedBy).toBe('ivan')
  })

  it('refuses acting for someone with a key that is not an admin’s, or for an unknown user, with 403', async () => {
    const made = await t.api('POST', '/api/keys', { name: 'bot', roles: ['designer'] })
    const bot = createApi(t.url, { authorization: `Bearer ${made.body.key}`, 'x-inloop-user': 'ivan' })
    expect((await bot('GET', '/api/flows')).body.error.code).toBe('CANNOT_ACT_FOR')
    const admin = createApi(t.url, { authorization: 'Bearer env-admin-key-for-tests', 'x-inloop-user': 'nobody-at-all' })
    expect((await admin('GET', '/api/flows')).status).toBe(403)
  })

  it('ignores X-Inloop-User on a signed-in person’s request', async () => {
    await t.people.as('ivan', { roles: ['designer'] })
    const dana = await t.people.as('dana', { roles: ['designer'] })
    const started = await dana('POST', '/api/flows/keyed/runs', { input: {} }, { 'x-inloop-user': 'ivan' })
    expect((await t.api('GET', `/api/runs/${started.body.runId}/events`)).body[0].requestedBy).toBe('dana')
  })
})

describe('a first start', () => {
  it('creates an admin with a generated password that signs in', async () => {
    const server = await startServer({ port: 0, memory: true, examples: false, apiKey: '', passwordCost: 10 })
    try {
      expect(server.firstAdmin).toEqual({ username: 'admin', password: expect.stringMatching(/^[A-Za-z0-9]{20}$/) })
      const api = await signIn(server.url, 'admin', server.firstAdmin!.password!)
      expect((await api('GET', '/api/auth/me')).body.user.roles).toEqual(['admin'])
    } finally {
      await server.close()
    }
  })

  it('keeps users, and stores only hashes of passwords, sessions and customer links', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inloop-auth-'))
    try {
      const first = await startServer({ port: 0, dataDir, examples: false, apiKey: '', adminPassword: 'first-admin-password', passwordCost: 10 })
      let cookie: string
      let token: string
      try {
        cookie = (await sessionCookie(first.url, 'admin', 'first-admin-password')).cookie
        const api = createApi(first.url, { cookie })
        await publishFlow(api, chooseFlow('stored'))
        token = await latestToken(api, await startRun(api, 'stored', { name: 'Ada', email: 'ada@example.com', dates: ['2026-02-01'] }))
      } finally {
        await first.close()
      }
      const everything = filesUnder(dataDir).map((f) => readFileSync(f, 'utf8')).join('\n')
      expect(everything).not.toContain('first-admin-password')
      expect(everything).not.toContain(cookie.split('=')[1])
      expect(everything).not.toContain(token)
      const second = await startServer({ port: 0, dataDir, examples: false, apiKey: '', passwordCost: 10 })
      try {
        expect(second.firstAdmin).toBeUndefined()
        expect((await createApi(second.url, { cookie })('GET', '/api/auth/me')).status).toBe(200)
      } finally {
        await second.close()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('pages', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inloop-pages-'))
  let t: TestServer
  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'))
    for (const page of ['index.html', 'login.html', 'portal.html']) writeFileSync(join(dir, page), `<!doctype html><title>${page}</title>`)
    t = await startTestServer({ designerDir: dir })
  })
  afterAll(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('sends a browser without a session from the designer to the sign-in page', async () => {
    const res = await fetch(`${t.url}/flows/loan?tab=runs`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/login?next=%2Fflows%2Floan%3Ftab%3Druns')
  })

  it('serves the designer to a signed-in browser', async () => {
    const res = await fetch(`${t.url}/flows/loan`, { headers: t.adminHeaders })
    expect(await res.text()).toContain('index.html')
  })

  it('serves the customer portal without signing in, never sending the link on', async () => {
    const res = await fetch(`${t.url}/c/some-token-value-that-is-long-enough`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('portal.html')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })
})

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}
