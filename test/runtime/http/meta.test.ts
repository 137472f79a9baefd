import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/api.js'

const BUILT_INS = ['start', 'end', 'rule', 'ai-step', 'human-review', 'customer-confirmation', 'wait', 'sub-flow', 'join', 'set']

describe('meta routes', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it('answers health with ok and the version', async () => {
    const res = await t.api('GET', '/api/health')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
  })

  it('lists every built-in node type with ports and metadata', async () => {
    const res = await t.api('GET', '/api/node-types')
    expect(res.status).toBe(200)
    const types = res.body.map((d: { type: string }) => d.type)
    expect(types).toEqual(expect.arrayContaining(BUILT_INS))
    for (const d of res.body) {
      expect(d, d.type).toMatchObject({ version: expect.any(Number), title: expect.any(String), category: expect.any(String) })
      expect(Array.isArray(d.inputs) && Array.isArray(d.outputs), d.type).toBe(true)
    }
  })

  it.each(BUILT_INS)('describes the config of %s as a JSON Schema object', async (type) => {
    const res = await t.api('GET', '/api/node-types')
    const described = res.body.find((d: { type: string }) => d.type === type)
    expect(described.configSchema).toMatchObject({ type: 'object', properties: expect.any(Object) })
    expect(described.configSchema.$schema).toMatch(/json-schema\.org/)
  })

  it('carries field titles and defaults in the config schema so the inspector can draw a form', async () => {
    const res = await t.api('GET', '/api/node-types')
    const review = res.body.find((d: { type: string }) => d.type === 'human-review')
    expect(review.configSchema.properties.approvals).toMatchObject({ type: 'integer', default: 1, title: expect.any(String) })
    expect(review.dynamicOutputs).toBe(true)
  })

  it('serves the flow file JSON Schema with the required top-level fields', async () => {
    const res = await t.api('GET', '/api/schema/flow')
    expect(res.status).toBe(200)
    expect(res.body.$schema).toMatch(/json-schema\.org/)
    expect(res.body.type).toBe('object')
    expect(res.body.required).toEqual(expect.arrayContaining(['schemaVersion', 'id', 'name', 'nodes']))
    expect(Object.keys(res.body.properties)).toEqual(
      expect.arrayContaining(['schemaVersion', 'id', 'name', 'description', 'version', 'parameters', 'input', 'nodes', 'edges']),
    )
    const node = res.body.properties.nodes.items
    expect(node.required).toEqual(expect.arrayContaining(['id', 'type', 'typeVersion', 'position']))
  })

  it('answers an unknown API route with a 404 JSON error', async () => {
    const res = await t.api('GET', '/api/no-such-thing')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('/api/no-such-thing') })
  })

  it('answers an unknown method on a known path with a 404 JSON error', async () => {
    const res = await t.api('DELETE', '/api/health')
    expect(res.status).toBe(404)
    expect(res.body.error.code).toBe('NOT_FOUND')
  })
})
