import { describe, expect, it } from 'vitest'
import { expressionVariables, nodeRef, upstreamOf } from '../../designer/src/editor/inspector/scope'
import { flowWith } from './fixtures'

const flow = {
  ...flowWith(
    [
      { id: 'start', type: 'start' },
      { id: 'score', type: 'ai-step', label: 'Score' },
      { id: 'route', type: 'rule' },
      { id: 'four-eyes', type: 'human-review' },
      { id: 'side', type: 'ai-step' },
      { id: 'done', type: 'end' },
    ],
    [
      { id: 'e1', source: 'start', sourcePort: 'next', target: 'score' },
      { id: 'e2', source: 'score', sourcePort: 'done', target: 'route' },
      { id: 'e3', source: 'route', sourcePort: 'default', target: 'four-eyes' },
      { id: 'e4', source: 'four-eyes', sourcePort: 'approve', target: 'done' },
    ],
  ),
  input: { type: 'object', properties: { amount: { type: 'number', description: 'in EUR' } } },
  parameters: [{ name: 'limit', label: 'Limit', type: 'number' as const, value: 5, unit: 'EUR' }],
}

describe('expression scope', () => {
  it('lists the steps a node can be reached from, nearest first', () => {
    expect(upstreamOf(flow, 'four-eyes')).toEqual(['route', 'score', 'start'])
  })

  it('offers input fields, outputs of upstream steps with their known fields, and parameters', () => {
    const paths = expressionVariables(flow, 'four-eyes').map((v) => v.path)
    expect(paths).toContain('input.amount')
    expect(paths).toContain('nodes.score.confidence')
    expect(paths).toContain('nodes.score.modelVersion')
    expect(paths).toContain('nodes.route.outcome')
    expect(paths).toContain('params.limit')
  })

  it('leaves out steps that cannot have run before the node', () => {
    const paths = expressionVariables(flow, 'route').map((v) => v.path)
    expect(paths.some((p) => p.startsWith('nodes.side'))).toBe(false)
    expect(paths.some((p) => p.includes('four-eyes'))).toBe(false)
  })

  it('names a step whose id is not an identifier with brackets, as CEL needs', () => {
    expect(nodeRef('four-eyes')).toBe('nodes["four-eyes"]')
    expect(expressionVariables(flow, 'done').map((v) => v.path)).toContain('nodes["four-eyes"].decision')
  })
})

describe('expression scope after a set step', () => {
  it('offers the names a set step assigns to the steps after it', () => {
    const f = flowWith(
      [
        { id: 'start', type: 'start' },
        { id: 'calc', type: 'set', config: { values: [{ name: 'total', value: 'input.amount * 2' }, { name: 'vat', value: '0.2' }] } },
        { id: 'done', type: 'end' },
      ],
      [
        { id: 'e1', source: 'start', sourcePort: 'next', target: 'calc' },
        { id: 'e2', source: 'calc', sourcePort: 'next', target: 'done' },
      ],
    )
    const paths = expressionVariables(f, 'done').map((v) => v.path)
    expect(paths).toEqual(expect.arrayContaining(['nodes.calc.total', 'nodes.calc.vat']))
    expect(expressionVariables(f, 'calc').map((v) => v.path)).not.toContain('nodes.calc.total')
  })
})
