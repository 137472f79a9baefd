import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { builtinNodeTypes } from '../../node-types/builtin/index.js'
import { createRegistry } from '../../node-types/registry.js'
import { loadExamples } from '../../runtime/examples.js'
import { createMemoryStore } from '../../runtime/store/memory-store.js'
import { reviewFlow } from '../helpers/flows.js'

const registry = createRegistry(builtinNodeTypes)

describe('loading examples', () => {
  let dir: string
  let warnings: string[]
  const log = { info: () => {}, error: () => {}, warn: (message: string) => warnings.push(message) }
  const write = (name: string, content: unknown) => writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content))

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inloop-examples-'))
    warnings = []
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('publishes each valid example as version 1 with its samples', async () => {
    write('a.flow.json', reviewFlow('a'))
    write('a.inputs.json', [{ name: 'one', input: { x: 1 } }])
    const store = createMemoryStore()
    const samples = await loadExamples(dir, store, registry, log)
    expect(await store.flows.listVersions('a')).toEqual([expect.objectContaining({ version: 1 })])
    expect(samples.get('a')).toEqual([{ name: 'one', input: { x: 1 } }])
  })

  it('skips an example that is not JSON with a warning and loads the rest', async () => {
    write('a.flow.json', '{ "id": ')
    write('b.flow.json', reviewFlow('b'))
    const store = createMemoryStore()
    await loadExamples(dir, store, registry, log)
    expect(warnings).toEqual([expect.stringContaining('a.flow.json is not valid JSON')])
    expect(await store.flows.listVersions('b')).toHaveLength(1)
  })

  it('skips an invalid example with a warning', async () => {
    write('a.flow.json', { ...reviewFlow('a'), edges: [] })
    const store = createMemoryStore()
    await loadExamples(dir, store, registry, log)
    expect(warnings).toEqual([expect.stringContaining('a.flow.json is not valid')])
    expect(await store.flows.getDraft('a')).toBeUndefined()
  })

  it('ignores sample inputs that are not a list of named inputs, with a warning', async () => {
    write('a.flow.json', reviewFlow('a'))
    write('a.inputs.json', { name: 'one', input: {} })
    const samples = await loadExamples(dir, createMemoryStore(), registry, log)
    expect(samples.get('a')).toEqual([])
    expect(warnings).toEqual([expect.stringContaining('a.inputs.json')])
  })

  it('never replaces a flow a user has edited', async () => {
    write('a.flow.json', reviewFlow('a'))
    const store = createMemoryStore()
    await store.flows.saveDraft('a', { ...reviewFlow('a'), name: 'mine' } as never, 'dana')
    await loadExamples(dir, store, registry, log)
    expect((await store.flows.getDraft('a'))?.flow.name).toBe('mine')
    expect(await store.flows.listVersions('a')).toEqual([])
  })

  it('does not publish an example again on the next start', async () => {
    write('a.flow.json', reviewFlow('a'))
    const store = createMemoryStore()
    await loadExamples(dir, store, registry, log)
    await loadExamples(dir, store, registry, log)
    expect(await store.flows.listVersions('a')).toHaveLength(1)
  })

  it('publishes an example whose loading was cut off between saving and publishing', async () => {
    write('a.flow.json', reviewFlow('a'))
    const store = createMemoryStore()
    await store.flows.saveDraft('a', JSON.parse(readFileSync(join(dir, 'a.flow.json'), 'utf8')), 'examples')
    await loadExamples(dir, store, registry, log)
    expect(await store.flows.listVersions('a')).toHaveLength(1)
  })
})
