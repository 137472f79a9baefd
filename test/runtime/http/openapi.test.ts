import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { declaredRoutes } from '../../../runtime/http/openapi/walk.js'
import { startTestServer, type TestServer } from '../../helpers/api.js'

describe('GET /api/openapi.json', () => {
  let t: TestServer
  let doc: { paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>> }
  beforeAll(async () => {
    t = await startTestServer()
    doc = (await t.api('GET', '/api/openapi.json')).body
  })
  afterAll(() => t.close())

  it('lists every API route the express app mounts, each from a declaration', () => {
    const mounted = declaredRoutes(t.server.app.router).filter((r) => r.path.startsWith('/api/'))
    expect(mounted.length).toBeGreaterThan(40)
    const undeclared = mounted.filter((r) => !r.declaration).map((r) => `${r.method.toUpperCase()} ${r.path}`)
    expect(undeclared, 'mount these with mount(router, defineRoute(...), handler)').toEqual([])
    const missing = mounted.filter((r) => !doc.paths[r.path.replace(/:(\w+)/g, '{$1}')]?.[r.method]).map((r) => `${r.method.toUpperCase()} ${r.path}`)
    expect(missing).toEqual([])
  })

  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator()
    const result = await validator.validate(doc as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe('3.1')
  })

  it('says who may call each route and which errors it answers', () => {
    expect(doc.paths['/api/health'].get.security).toEqual([])
    expect(doc.paths['/api/flows/{id}/publish'].post).toMatchObject({ security: [{ session: [] }, { apiKey: [] }], 'x-inloop-roles': ['designer'] })
    expect(Object.keys(doc.paths['/api/flows/{id}/publish'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '422', '500']))
  })

  it('needs a signed-in caller', async () => {
    const res = await t.anonymous('GET', '/api/openapi.json')
    expect(res.status).toBe(401)
  })
})

describe('GET /api/docs', () => {
  let t: TestServer
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'inloop-docs-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>designer</title>')
    writeFileSync(join(dir, 'login.html'), '<!doctype html><title>login</title>')
    t = await startTestServer({ designerDir: dir })
  })
  afterAll(async () => {
    await t.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves the designer page that draws the reference to someone signed in', async () => {
    const res = await t.api('GET', '/api/docs')
    expect(res.status).toBe(200)
    expect(res.text).toContain('<title>designer</title>')
  })

  it('sends a browser that is not signed in to sign in first', async () => {
    const res = await fetch(`${t.url}/api/docs`, { redirect: 'manual' })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/login?next=%2Fapi%2Fdocs')
  })

  it('is listed in the document as a page', async () => {
    const doc = (await t.api('GET', '/api/openapi.json')).body
    expect(doc.paths['/api/docs'].get.responses['200'].content).toHaveProperty('text/html')
  })
})
