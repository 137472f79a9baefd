/** Custom node types through the API: listed with their JSON Schema, broken ones reported, usable in flows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi, publishFlow, startRun, startTestServer, waitForRunStatus, type Api, type TestServer } from '../../helpers/api.js'
import { flow } from '../../helpers/flows.js'
import { definitionSource, tempNodeTypes, type TempNodeTypes } from '../../helpers/temp-node-types.js'

/** An admin key, so the tests read and write every route. */
const KEY = 'node-types-test-key-0123456789abcdef'

describe('custom node types in the API', () => {
  let tmp: TempNodeTypes
  let t: TestServer
  let api: Api
  beforeAll(async () => {
    tmp = tempNodeTypes('api-')
    tmp.write('greeter.ts', definitionSource({ type: 'greeter', title: 'Greeter', port: 'greeted' }))
    tmp.write('broken.ts', `import { defineNodeType } from 'inloop/node-types'\nexport const broken = defineNodeType({ type: 'Not Kebab' } as never)\n`)
    t = await startTestServer({ nodeTypesDir: tmp.dir, apiKey: KEY })
    api = createApi(t.url, { authorization: `Bearer ${KEY}` })
  })
  afterAll(async () => {
    await t.close()
    tmp.cleanup()
  })

  it('lists a custom type beside the built-ins, with its config as JSON Schema and where it comes from', async () => {
    const res = await api('GET', '/api/node-types')
    expect(res.status).toBe(200)
    const greeter = res.body.find((d: { type: string }) => d.type === 'greeter')
    expect(greeter).toMatchObject({
      title: 'Greeter',
      outputs: ['greeted'],
      origin: expect.stringMatching(/greeter\.ts$/),
      defaults: { greeting: 'hello' },
      configSchema: { type: 'object', properties: { greeting: { type: 'string', default: 'hello', title: 'Greeting', description: 'What to say' } } },
    })
    expect(res.body.find((d: { type: string }) => d.type === 'rule').origin).toBe('builtin')
  })

  it('reports a broken definition at /api/node-types/problems while the rest load', async () => {
    const res = await api('GET', '/api/node-types/problems')
    expect(res.status).toBe(200)
    expect(res.body).toEqual([
      {
        source: expect.stringMatching(/broken\.ts$/),
        code: 'node-type.import-failed',
        message: expect.stringMatching(/broken\.ts could not be loaded: Node type id 'Not Kebab' must be kebab-case/),
      },
    ])
  })

  it('validates, publishes and runs a flow that uses the custom type', async () => {
    const f = flow('greeting', [{ id: 'start', type: 'start' }, { id: 'greet', type: 'greeter', config: { greeting: 'hi' } }, { id: 'end', type: 'end' }], [
      'start.next->greet',
      'greet.greeted->end',
    ])
    await publishFlow(api, f)
    const runId = await startRun(api, 'greeting', { name: 'Ada' })
    const run = await waitForRunStatus(api, runId)
    expect(run).toMatchObject({ status: 'completed', output: { name: 'Ada', config: { greeting: 'hi' }, by: 'Greeter' } })
  })
})
