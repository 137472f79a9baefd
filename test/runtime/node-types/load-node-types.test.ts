/** Loading custom node types from folders and packages: what loads, and what is reported. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadNodeTypes } from '../../../runtime/node-types/load-node-types.js'
import { definitionSource, tempNodeTypes, type TempNodeTypes } from '../../helpers/temp-node-types.js'

const quiet = { info: () => {}, warn: () => {}, error: () => {} }

describe('loading custom node types', () => {
  let tmp: TempNodeTypes
  beforeEach(() => {
    tmp = tempNodeTypes()
  })
  afterEach(() => tmp.cleanup())

  const load = (options: { packages?: string[]; root?: string; dirs?: string[] } = {}) =>
    loadNodeTypes({ dirs: options.dirs ?? [tmp.dir], packages: options.packages ?? [], root: options.root, log: quiet })

  it('registers every definition a file exports, after the built-ins', async () => {
    tmp.write('greetings.ts', definitionSource({ type: 'hello', exportName: 'hello' }) + definitionSource({ type: 'bye', exportName: 'bye' }).replace(/^import.*\n/gm, ''))
    const catalog = await load()
    const types = catalog.registry.list().map((d) => d.type)
    expect(types.slice(-2)).toEqual(['hello', 'bye'])
    expect(types).toContain('human-review')
    expect(catalog.problems()).toEqual([])
  })

  it('names where each custom type comes from', async () => {
    tmp.write('hello.ts', definitionSource({ type: 'hello' }))
    const catalog = await load()
    expect(catalog.originOf('hello')).toMatch(/^\.inloop-tmp\/node-types-\w+\/hello\.ts$/)
    expect(catalog.originOf('rule')).toBe('builtin')
  })

  it('reports a file that throws on import and loads the rest', async () => {
    tmp.write('a-broken.ts', `throw new Error('the CRM client needs a key')\n`)
    tmp.write('b-good.ts', definitionSource({ type: 'good' }))
    const catalog = await load()
    expect(catalog.registry.get('good')).toBeDefined()
    expect(catalog.problems()).toEqual([
      expect.objectContaining({ code: 'node-type.import-failed', source: expect.stringMatching(/a-broken\.ts$/), message: expect.stringContaining('the CRM client needs a key') }),
    ])
  })

  it('reports a file that does not compile', async () => {
    tmp.write('typo.ts', `export const x = {\n`)
    const catalog = await load()
    expect(catalog.problems()).toEqual([expect.objectContaining({ code: 'node-type.import-failed', message: expect.stringMatching(/typo\.ts could not be loaded/) })])
  })

  it('reports a spec that was not made with defineNodeType', async () => {
    tmp.write('plain.ts', `export const plain = { type: 'plain', execute: () => ({ port: 'done' }) }\n`)
    const catalog = await load()
    expect(catalog.registry.get('plain')).toBeUndefined()
    expect(catalog.problems()).toEqual([expect.objectContaining({ code: 'node-type.not-a-definition', type: 'plain', export: 'plain' })])
  })

  it('reports a config schema that cannot become JSON Schema, and leaves that type out', async () => {
    const source = definitionSource({ type: 'odd' }).replace(/config: z\.object\(.*\),\n/, 'config: { safeParse: () => ({ success: true, data: {} }) } as never,\n')
    tmp.write('odd.ts', source)
    const catalog = await load()
    expect(catalog.registry.get('odd')).toBeUndefined()
    expect(catalog.problems()).toEqual([expect.objectContaining({ code: 'node-type.bad-config-schema', type: 'odd', message: expect.stringContaining('JSON Schema') })])
  })

  it('keeps the built-in when a custom type takes its id, and says so', async () => {
    tmp.write('rule.ts', definitionSource({ type: 'rule', title: 'My rule' }))
    const catalog = await load()
    expect(catalog.registry.get('rule')!.title).toBe('Rule')
    expect(catalog.problems()).toEqual([expect.objectContaining({ code: 'node-type.duplicate', type: 'rule', message: expect.stringContaining('a built-in type') })])
  })

  it('keeps the first of two files defining one type id, and names the first in the problem', async () => {
    tmp.write('a.ts', definitionSource({ type: 'twin', title: 'First' }))
    tmp.write('b.ts', definitionSource({ type: 'twin', title: 'Second' }))
    const catalog = await load()
    expect(catalog.registry.get('twin')!.title).toBe('First')
    expect(catalog.problems()).toEqual([
      expect.objectContaining({ code: 'node-type.duplicate', source: expect.stringMatching(/b\.ts$/), message: expect.stringMatching(/already defined by .*a\.ts/) }),
    ])
  })

  it('reports a file that exports no node type', async () => {
    tmp.write('constants.ts', `export const LIMIT = 5\n`)
    const catalog = await load()
    expect(catalog.problems()).toEqual([expect.objectContaining({ code: 'node-type.none-exported', message: expect.stringContaining('constants.ts exports no node type') })])
  })

  it('skips tests, declarations and helper files', async () => {
    tmp.write('hello.ts', definitionSource({ type: 'hello' }))
    tmp.write('hello.test.ts', `throw new Error('a test file must not be imported')\n`)
    tmp.write('_shared.ts', `throw new Error('a helper must not be imported')\n`)
    tmp.write('types.d.ts', `export type X = 1\n`)
    tmp.write('notes.md', `# notes\n`)
    const catalog = await load()
    expect(catalog.problems()).toEqual([])
    expect(catalog.registry.get('hello')).toBeDefined()
  })

  it('reports a configured folder that does not exist', async () => {
    const catalog = await load({ dirs: [join(tmp.dir, 'missing')] })
    expect(catalog.problems()).toEqual([expect.objectContaining({ code: 'node-type.folder-not-found' })])
  })

  it('loads a package listed in package.json under inloop.nodeTypes, finishing plain specs with defineNodeType', async () => {
    const pkg = join(tmp.dir, 'node_modules', 'inloop-hello')
    mkdirSync(pkg, { recursive: true })
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'inloop-hello', type: 'module', exports: { '.': { import: './index.js' } } }))
    writeFileSync(
      join(pkg, 'index.js'),
      `import { z } from 'zod'
export const hello = {
  type: 'from-package', version: 1, title: 'From a package', description: '', category: 'integration', icon: 'box', color: '#000000',
  outputs: ['done'], config: z.object({}), execute: () => ({ port: 'done' }),
}
`,
    )
    writeFileSync(join(tmp.dir, 'package.json'), JSON.stringify({ inloop: { nodeTypes: ['inloop-hello'] } }))
    const catalog = await loadNodeTypes({ dirs: [], root: tmp.dir, log: quiet })
    expect(catalog.problems()).toEqual([])
    expect(catalog.registry.get('from-package')?.portsFor({})).toEqual(['done'])
    expect(catalog.originOf('from-package')).toBe('package:inloop-hello')
  })

  it('reports a listed package that is not installed', async () => {
    const catalog = await load({ packages: ['inloop-not-installed'], root: tmp.dir })
    expect(catalog.problems()).toEqual([
      expect.objectContaining({ code: 'node-type.package-not-found', source: 'package:inloop-not-installed', message: expect.stringContaining('npm install inloop-not-installed') }),
    ])
  })
})
