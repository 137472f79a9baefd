/** Copy and paste of steps. */
import { describe, expect, it } from 'vitest'
import { copyFragment, pasteFragment } from '../../designer/src/editor/store/clipboard'
import { connect } from '../../designer/src/editor/store/flow-edits'
import { flowWith } from './fixtures'

describe('copy and paste', () => {
  it('pastes copies with fresh ids, the edges between them remapped and outside edges left behind', () => {
    let flow = flowWith([{ id: 'start', type: 'start' }, { id: 'a', type: 'rule' }, { id: 'b' }])
    flow = connect(connect(flow, 'start', 'next', 'a'), 'a', 'default', 'b')
    const fragment = copyFragment(flow, ['a', 'b'])!
    const { flow: pasted, ids } = pasteFragment(flow, fragment)
    expect(ids).toEqual(['a-2', 'b-2'])
    expect(pasted.edges.slice(2)).toEqual([{ id: 'e3', source: 'a-2', sourcePort: 'default', target: 'b-2' }])
    expect(pasted.nodes[3].position).toEqual({ x: 40, y: 40 })
  })
})
