import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, publishFlow, startRun, startTestServer, type TestServer } from '../../helpers/api.js'
import { reviewFlow } from '../../helpers/flows.js'

const WRITE_ROUTES: [string, string][] = [
  ['POST', '/api/flows/validate'],
  ['PUT', '/api/flows/f'],
  ['POST', '/api/flows/f/publish'],
  ['POST', '/api/flows/f/runs'],
  ['POST', '/api/runs/r_1/cancel'],
  ['POST', '/api/tasks/t_1/decision'],
  ['POST', '/api/customer/abcdefghijklmnopqrstuvwxyz'],
]

const POLLUTERS: [string, string][] = [
  ['a top-level __proto__', '{"__proto__": {"polluted": "yes"}, "hello": 1}'],
  ['a nested __proto__', '{"input": {"deep": [{"x": {"__proto__": {"polluted": "yes"}}}]}}'],
  ['a constructor.prototype chain', '{"input": {"constructor": {"prototype": {"polluted": "yes"}}}}'],
  ['a prototype key', '{"nodes": [{"prototype": {"polluted": "yes"}}]}'],
]

describe('request bodies', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it.each(WRITE_ROUTES)('answers %s %s with 400 and a clear message when the body is not JSON', async (method, path) => {
    const res = await t.api(method, path, '{"input": {"amount": 12,}')
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('INVALID_JSON')
    expect(res.body.error.message).toMatch(/the request body is not valid JSON/)
  })

  it('answers a truncated JSON body with 400', async () => {
    const res = await t.api('POST', '/api/flows/validate', '{"schemaVersion": 1, "nodes": [')
    expect(res.status).toBe(400)
    expect(res.body.error.code).toBe('INVALID_JSON')
  })

  it.each(POLLUTERS)('refuses %s with 400 naming the key', async (_name, raw) => {
    const res = await t.api('POST', '/api/flows/validate', raw)
    expect(res.status).toBe(400)
    expect(res.body.error).toMatchObject({ code: 'FORBIDDEN_KEY', message: expect.stringMatching(/__proto__|constructor|prototype/) })
  })

  it.each(POLLUTERS)('leaves Object.prototype untouched after %s sent to every write route', async (_name, raw) => {
    for (const [method, path] of WRITE_ROUTES) await t.api(method, path, raw)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('refuses a decision whose data nests __proto__ and leaves the task open', async () => {
    await publishFlow(t.api, reviewFlow('proto-decision', { form: [{ name: 'note', label: 'Note', type: 'string', value: '""' }] }))
    const runId = await startRun(t.api, 'proto-decision', { name: 'Ada' })
    const [task] = await openTasks(t.api, runId)
    const raw = `{"decision": "approve", "data": {"note": {"__proto__": {"polluted": "yes"}}}}`
    const res = await t.api('POST', `/api/tasks/${task.id}/decision`, raw)
    expect(res.status).toBe(400)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await openTasks(t.api, runId)).toHaveLength(1)
  })

  it('refuses a run input with a constructor key and starts no run', async () => {
    await publishFlow(t.api, reviewFlow('proto-input'))
    const res = await t.api('POST', '/api/flows/proto-input/runs', '{"input": {"name": "x", "constructor": {"prototype": {"polluted": 1}}}}')
    expect(res.status).toBe(400)
    const runs = await t.api('GET', '/api/runs?flowId=proto-input')
    expect(runs.body).toEqual([])
  })

  it('refuses a body nested deeper than the limit with 400 instead of overflowing the stack', async () => {
    const raw = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`
    const res = await t.api('POST', '/api/flows/validate', raw)
    expect(res.status).toBe(400)
    expect(res.body.error.message).toMatch(/nested deeper/)
  })
})
