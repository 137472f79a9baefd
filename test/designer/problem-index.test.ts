/** Problems from the validator land on the right step, field, connection or setting. */
import { describe, expect, it } from 'vitest'
import { indexProblems, parsePath, problemsUnder } from '../../designer/src/editor/graph/problem-index'
import { flowWith } from './fixtures'

describe('problem index', () => {
  it('parses validator paths, quoted keys included', () => {
    expect(parsePath('$.nodes[2].config.rules[0].when')).toEqual(['nodes', 2, 'config', 'rules', 0, 'when'])
    expect(parsePath('$.input["odd key"]')).toEqual(['input', 'odd key'])
  })

  it('puts a config problem on its node and on its field', () => {
    const flow = flowWith([{ id: 'a' }, { id: 'r', type: 'rule' }])
    const index = indexProblems(flow, [{ path: '$.nodes[1].config.rules[0].when', code: 'expression.invalid', message: 'bad' }])
    expect(index.byNode.get('r')).toHaveLength(1)
    expect(index.byField.get('r')?.get('rules.0.when')).toHaveLength(1)
    expect(problemsUnder(index.byField.get('r'), 'rules')).toHaveLength(1)
  })

  it('puts an edge problem on the edge and a parameter problem in the settings', () => {
    const flow = { ...flowWith([{ id: 'a' }]), edges: [{ id: 'e1', source: 'a', sourcePort: 'x', target: 'zz' }] }
    const index = indexProblems(flow, [
      { path: '$.edges[0].target', code: 'edge.dangling', message: 'x' },
      { path: '$.parameters[0].value', code: 'schema.invalid', message: 'y' },
    ])
    expect(index.byEdge.get('e1')).toHaveLength(1)
    expect(index.settings.get('parameters.0.value')).toHaveLength(1)
  })
})
