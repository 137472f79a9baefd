/** "Did you mean …?" for node types that are not installed, and the validator message that uses it. */
import { describe, expect, it } from 'vitest'
import { builtinNodeTypes } from '../../../node-types/builtin/index.js'
import { nearMatches } from '../../../node-types/flow/near-matches.js'
import { validateFlow } from '../../../node-types/flow/validate.js'
import { createRegistry } from '../../../node-types/registry.js'

describe('near matches for a missing node type', () => {
  it('suggest installed ids a couple of edits away, closest first', () => {
    expect(nearMatches('human-reveiw', ['human-review', 'rule', 'end'])).toEqual(['human-review'])
    expect(nearMatches('wiat', ['wait', 'start', 'end'])).toEqual(['wait'])
  })

  it('suggest nothing for a name unlike any installed one', () => {
    expect(nearMatches('crystal-ball', ['human-review', 'rule', 'end'])).toEqual([])
  })

  it('make the validator say the type is not among the installed ones and suggest the near match', () => {
    const flow = {
      schemaVersion: 1,
      id: 'f',
      name: 'f',
      input: { type: 'object' },
      nodes: [
        { id: 'start', type: 'start', typeVersion: 1, position: { x: 0, y: 0 }, config: {} },
        { id: 'gate', type: 'rules', typeVersion: 1, position: { x: 0, y: 0 }, config: {} },
      ],
      edges: [{ id: 'e1', source: 'start', sourcePort: 'next', target: 'gate' }],
    }
    const result = validateFlow(flow, createRegistry(builtinNodeTypes))
    expect(result.problems).toContainEqual({
      path: '$.nodes[1].type',
      code: 'node.unknown-type',
      message: "node 'gate' has type 'rules', which is not installed: no installed node type has that id; did you mean 'rule'?",
    })
  })
})
