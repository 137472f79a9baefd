import { describe, expect, it } from 'vitest'
import { diffFlows } from '../../designer/src/editor/compare/flow-diff'
import { flowWith } from './fixtures'

const before = flowWith(
  [
    { id: 'a', type: 'start' },
    { id: 'b', type: 'rule', config: { rules: [{ when: 'true', port: 'yes' }] } },
    { id: 'c', type: 'end' },
  ],
  [
    { id: 'e1', source: 'a', sourcePort: 'next', target: 'b' },
    { id: 'e2', source: 'b', sourcePort: 'yes', target: 'c' },
  ],
)

describe('flow diff', () => {
  it('finds steps added, removed, changed and only moved', () => {
    const after = {
      ...before,
      nodes: [
        { ...before.nodes[0], position: { x: 40, y: 0 } },
        { ...before.nodes[1], config: { rules: [{ when: 'false', port: 'yes' }] } },
        { id: 'd', type: 'end', typeVersion: 1, position: { x: 0, y: 0 }, config: {} },
      ],
      edges: [before.edges[0], { id: 'e9', source: 'b', sourcePort: 'yes', target: 'd' }],
    }
    const diff = diffFlows(before, after)
    expect(Object.fromEntries(diff.nodes)).toEqual({ a: 'moved', b: 'changed', c: 'removed', d: 'added' })
    expect(diff.details.get('b')).toEqual(['config.rules'])
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 1 })
    expect(Object.fromEntries(diff.edges)).toEqual({ e1: 'same', e9: 'added', 'removed:e2': 'removed' })
    expect(diff.merged.nodes.map((n) => n.id)).toEqual(['a', 'b', 'd', 'c'])
  })

  it('matches connections by their ends, not their ids, and ignores key order', () => {
    const after = { ...before, edges: before.edges.map((e, i) => ({ ...e, id: `x${i}` })), nodes: before.nodes.map(({ config, ...n }) => ({ config, ...n })) }
    const diff = diffFlows(before, after)
    expect([...diff.edges.values()].every((s) => s === 'same')).toBe(true)
    expect([...diff.nodes.values()].every((s) => s === 'same')).toBe(true)
  })

  it('lists changed flow settings', () => {
    expect(diffFlows(before, { ...before, parameters: [{ name: 'x', label: 'X', type: 'number', value: 1 }] }).settings).toEqual(['parameters'])
  })
})
