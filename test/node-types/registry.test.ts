/** The registry: add, replace in place (a reloaded type), remove. */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createRegistry } from '../../node-types/registry.js'
import { defineNodeType } from '../../node-types/sdk/define-node-type.js'

const make = (type: string, title = type) =>
  defineNodeType({ type, version: 1, title, description: '', category: 'data', icon: 'box', color: '#000', outputs: ['done'], config: z.object({}), execute: () => ({ port: 'done' }) })

describe('the node type registry', () => {
  it('refuses to add a type id twice', () => {
    const registry = createRegistry([make('a')])
    expect(() => registry.add(make('a'))).toThrow(/defined twice/)
  })

  it('replaces a definition and keeps its place in the list', () => {
    const registry = createRegistry([make('a'), make('b')])
    registry.replace(make('a', 'A again'))
    expect(registry.list().map((d) => d.title)).toEqual(['A again', 'b'])
  })

  it('removes a definition', () => {
    const registry = createRegistry([make('a')])
    expect(registry.remove('a')).toBe(true)
    expect(registry.get('a')).toBeUndefined()
  })
})
