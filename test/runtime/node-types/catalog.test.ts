/** The catalog keeps the registry in step with what each source defines now. */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { builtinNodeTypes } from '../../../node-types/builtin/index.js'
import { defineNodeType } from '../../../node-types/sdk/define-node-type.js'
import { createNodeTypeCatalog } from '../../../runtime/node-types/catalog.js'

const make = (type: string, title = type) =>
  defineNodeType({ type, version: 1, title, description: '', category: 'data', icon: 'box', color: '#000', outputs: ['done'], config: z.object({}), execute: () => ({ port: 'done' }) })

describe('the node type catalog', () => {
  it('adds the types of a new source to the registry and says which', () => {
    const catalog = createNodeTypeCatalog(builtinNodeTypes)
    catalog.setSource({ source: 'a.ts', definitions: [make('alpha')], problems: [] })
    expect(catalog.sync()).toEqual({ added: ['alpha'], changed: [], removed: [], problems: 0 })
    expect(catalog.registry.get('alpha')?.title).toBe('alpha')
  })

  it('replaces a type in place when its source defines it again', () => {
    const catalog = createNodeTypeCatalog(builtinNodeTypes)
    catalog.setSource({ source: 'a.ts', definitions: [make('alpha'), make('beta')], problems: [] })
    catalog.sync()
    catalog.setSource({ source: 'a.ts', definitions: [make('alpha', 'Alpha v2'), catalog.registry.get('beta')!], problems: [] })
    expect(catalog.sync()).toEqual({ added: [], changed: ['alpha'], removed: [], problems: 0 })
    expect(catalog.registry.get('alpha')?.title).toBe('Alpha v2')
    expect(catalog.registry.list().map((d) => d.type).slice(-2)).toEqual(['alpha', 'beta'])
  })

  it('removes the types of a source that is gone', () => {
    const catalog = createNodeTypeCatalog(builtinNodeTypes)
    catalog.setSource({ source: 'a.ts', definitions: [make('alpha')], problems: [] })
    catalog.sync()
    catalog.removeSource('a.ts')
    expect(catalog.sync()).toMatchObject({ removed: ['alpha'] })
    expect(catalog.registry.get('alpha')).toBeUndefined()
  })

  it('lets a type defined twice load from the second source once the first drops it', () => {
    const catalog = createNodeTypeCatalog(builtinNodeTypes)
    catalog.setSource({ source: 'a.ts', definitions: [make('twin', 'A')], problems: [] })
    catalog.setSource({ source: 'b.ts', definitions: [make('twin', 'B')], problems: [] })
    catalog.sync()
    expect(catalog.problems()).toEqual([expect.objectContaining({ code: 'node-type.duplicate', source: 'b.ts' })])
    catalog.setSource({ source: 'a.ts', definitions: [], problems: [] })
    catalog.sync()
    expect(catalog.registry.get('twin')?.title).toBe('B')
    expect(catalog.problems()).toEqual([])
  })
})
