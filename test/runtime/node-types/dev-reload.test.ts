/**
 * Dev mode (`inloop serve --dev`): editing, adding or deleting a node type
 * file changes what the running server offers and runs — no restart — and
 * the stream tells open designers with a `node-types` event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi, publishFlow, startRun, startTestServer, waitForRunStatus, type Api, type TestServer } from '../../helpers/api.js'
import { flow } from '../../helpers/flows.js'
import { definitionSource, tempNodeTypes, type TempNodeTypes } from '../../helpers/temp-node-types.js'

/** Poll `GET /api/node-types` until `check` holds for the list. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 8_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (check(value)) return value
    if (Date.now() > deadline) throw new Error(`still not as expected after ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 500)}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** An admin key, so the tests read and write every route. */
const KEY = 'node-types-test-key-0123456789abcdef'

describe('dev mode reloads node types', () => {
  let tmp: TempNodeTypes
  let t: TestServer
  let api: Api
  const types = async () => (await api('GET', '/api/node-types')).body as { type: string; title: string }[]
  const titleOf = async (type: string) => (await types()).find((d) => d.type === type)?.title

  beforeAll(async () => {
    tmp = tempNodeTypes('dev-')
    tmp.write('greeter.ts', definitionSource({ type: 'greeter', title: 'Greeter v1' }))
    t = await startTestServer({ nodeTypesDir: tmp.dir, dev: true, apiKey: KEY })
    api = createApi(t.url, { authorization: `Bearer ${KEY}` })
  })
  afterAll(async () => {
    await t.close()
    tmp.cleanup()
  })

  it('shows an edited file through the API without a restart', async () => {
    expect(await titleOf('greeter')).toBe('Greeter v1')
    tmp.write('greeter.ts', definitionSource({ type: 'greeter', title: 'Greeter v2' }))
    expect(await eventually(() => titleOf('greeter'), (title) => title === 'Greeter v2')).toBe('Greeter v2')
  })

  it('runs published flows with the reloaded definition', async () => {
    tmp.write('stamp.ts', definitionSource({ type: 'stamp', title: 'Stamp A' }))
    await eventually(() => titleOf('stamp'), (title) => title === 'Stamp A')
    await publishFlow(api, flow('stamping', [{ id: 'start', type: 'start' }, { id: 's', type: 'stamp' }, { id: 'end', type: 'end' }], ['start.next->s', 's.done->end']))
    const first = await waitForRunStatus(api, await startRun(api, 'stamping', {}))
    expect(first.output.by).toBe('Stamp A')

    tmp.write('stamp.ts', definitionSource({ type: 'stamp', title: 'Stamp B' }))
    await eventually(() => titleOf('stamp'), (title) => title === 'Stamp B')
    const second = await waitForRunStatus(api, await startRun(api, 'stamping', {}))
    expect(second.output.by).toBe('Stamp B')
  })

  it('adds the types of a new file and drops those of a deleted one', async () => {
    tmp.write('extra.ts', definitionSource({ type: 'extra' }))
    await eventually(types, (list) => list.some((d) => d.type === 'extra'))
    tmp.remove('extra.ts')
    const after = await eventually(types, (list) => !list.some((d) => d.type === 'extra'))
    expect(after.some((d) => d.type === 'greeter')).toBe(true)
  })

  it('keeps the last good version when an edit breaks the file, and reports why', async () => {
    tmp.write('fragile.ts', definitionSource({ type: 'fragile', title: 'Fragile' }))
    await eventually(() => titleOf('fragile'), (title) => title === 'Fragile')
    tmp.write('fragile.ts', `export const fragile = {\n`)
    const problems = await eventually(
      async () => (await api('GET', '/api/node-types/problems')).body as { source: string; message: string }[],
      (list) => list.some((p) => p.source.endsWith('fragile.ts')),
    )
    expect(problems.find((p) => p.source.endsWith('fragile.ts'))!.message).toMatch(/could not be loaded: .*; the last version that loaded stays in use/s)
    expect(await titleOf('fragile')).toBe('Fragile')
  })

  it('tells stream clients with a node-types event', async () => {
    const controller = new AbortController()
    const res = await fetch(`${t.url}/api/stream`, { signal: controller.signal, headers: { authorization: `Bearer ${KEY}` } })
    const reader = res.body!.getReader()
    tmp.write('announced.ts', definitionSource({ type: 'announced' }))
    let text = ''
    // Earlier tests' reloads may still be announced; wait for the one about this file.
    const frames = () => text.split('\n\n').filter((f) => f.startsWith('event: node-types') && f.includes('announced'))
    const deadline = Date.now() + 8_000
    while (frames().length === 0 && Date.now() < deadline) {
      const { value, done } = await reader.read()
      if (done) break
      text += new TextDecoder().decode(value)
    }
    controller.abort()
    expect(frames(), text).toHaveLength(1)
    expect(JSON.parse(frames()[0].split('\ndata: ')[1])).toEqual({ added: ['announced'], changed: [], removed: [], problems: expect.any(Number) })
  })
})
