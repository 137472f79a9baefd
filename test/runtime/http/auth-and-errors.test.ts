import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi, startTestServer, type TestServer } from '../../helpers/api.js'

describe('API key (INLOOP_API_KEY)', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer({ apiKey: 'k3y-for-tests' })
  })
  afterAll(() => t.close())

  it('answers 401 without an Authorization header', async () => {
    const res = await t.anonymous('GET', '/api/flows')
    expect(res.status).toBe(401)
    expect(res.body.error).toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('Bearer') })
  })

  it('answers 401 with a wrong key', async () => {
    const res = await t.anonymous('GET', '/api/flows', undefined, { authorization: 'Bearer wrong' })
    expect(res.status).toBe(401)
  })

  it('answers 401 with the key sent without the Bearer scheme', async () => {
    const res = await t.anonymous('GET', '/api/flows', undefined, { authorization: 'k3y-for-tests' })
    expect(res.status).toBe(401)
  })

  it('answers 401 before reading a write body', async () => {
    const res = await t.anonymous('POST', '/api/flows/validate', '{"not": json')
    expect(res.status).toBe(401)
  })

  it('answers 401 before reading an oversized body', async () => {
    const res = await t.anonymous('POST', '/api/flows/validate', JSON.stringify({ pad: 'x'.repeat(6 * 1024 * 1024) }))
    expect(res.status).toBe(401)
  })

  it('lets a request with the right Bearer key through', async () => {
    const authed = createApi(t.url, { authorization: 'Bearer k3y-for-tests' })
    expect((await authed('GET', '/api/flows')).status).toBe(200)
  })

  it('keeps health open', async () => {
    expect((await t.anonymous('GET', '/api/health')).status).toBe(200)
  })

  it('keeps the customer routes open without a key', async () => {
    const res = await t.anonymous('GET', '/api/customer/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('REQUEST_NOT_FOUND')
  })

  it('keeps the outbox behind the key', async () => {
    expect((await t.anonymous('GET', '/api/outbox')).status).toBe(401)
  })
})

describe('server errors', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it('answers an unexpected failure with 500 and an id to quote, never a stack trace', async () => {
    const runs = t.server.store.runs
    const original = runs.listRuns
    runs.listRuns = async () => {
      throw new Error('disk exploded at /srv/inloop/secret-path.ts:42')
    }
    try {
      const res = await t.api('GET', '/api/runs')
      expect(res.status).toBe(500)
      expect(res.body.error).toEqual({ code: 'INTERNAL', message: expect.stringMatching(/quote [0-9a-f-]{36}/) })
      expect(res.text).not.toMatch(/disk exploded|secret-path|\bat .*:\d+:\d+|node_modules/)
    } finally {
      runs.listRuns = original
    }
  })

  it('answers an error thrown with a status by a library as JSON without a stack', async () => {
    const res = await t.api('GET', '/api/runs/%E0%A4%A')
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.headers.get('content-type')).toMatch(/json/)
    expect(res.text).not.toMatch(/\bat .*:\d+:\d+/)
  })

  it('answers a body over the size limit with 413 JSON', async () => {
    const res = await t.api('POST', '/api/flows/validate', JSON.stringify({ pad: 'x'.repeat(6 * 1024 * 1024) }))
    expect(res.status).toBe(413)
    expect(res.body.error.code).toBe('TOO_LARGE')
  })
})
