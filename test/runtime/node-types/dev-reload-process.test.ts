/**
 * `inloop serve --dev` as the real process (`bin/inloop.js`, tsx's loader):
 * an edited node type file is imported afresh through its cache-busting URL
 * and served without a restart.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApi, type Api } from '../../helpers/api.js'
import { spawnServer, type ChildServer } from '../../helpers/child-server.js'
import { definitionSource, tempNodeTypes, type TempNodeTypes } from '../../helpers/temp-node-types.js'

const KEY = 'dev-reload-test-key-0123456789abcdef'

describe('inloop serve --dev', () => {
  let tmp: TempNodeTypes
  let dataDir: string
  let server: ChildServer
  let api: Api
  beforeAll(async () => {
    tmp = tempNodeTypes('dev-process-')
    dataDir = mkdtempSync(join(tmpdir(), 'inloop-dev-'))
    tmp.write('greeter.ts', definitionSource({ type: 'greeter', title: 'Greeter v1' }))
    server = await spawnServer({ dataDir, args: ['--dev', '--memory', '--no-examples', '--node-types', tmp.dir], env: { INLOOP_API_KEY: KEY } })
    api = createApi(server.url, { authorization: `Bearer ${KEY}` })
  })
  afterAll(async () => {
    await server?.kill()
    tmp.cleanup()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('serves the edited definition of a TypeScript node type file without a restart', async () => {
    const titleOf = async () => ((await api('GET', '/api/node-types')).body as { type: string; title: string }[]).find((d) => d.type === 'greeter')?.title
    expect(await titleOf(), server.output()).toBe('Greeter v1')
    tmp.write('greeter.ts', definitionSource({ type: 'greeter', title: 'Greeter v2' }))
    const deadline = Date.now() + 10_000
    let title = await titleOf()
    while (title !== 'Greeter v2' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
      title = await titleOf()
    }
    expect(title, server.output()).toBe('Greeter v2')
    expect(server.proc.exitCode).toBeNull()
  })
})
