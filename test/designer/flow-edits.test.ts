/** The pure edits the designer makes to a flow. */
import { describe, expect, it } from 'vitest'
import { addNode, connect, followRenamedPort, moveNodes, removeElements, renameNode } from '../../designer/src/editor/store/flow-edits'
import { desc, flowWith } from './fixtures'

describe('flow edits', () => {
  it('adds a node with its type’s defaults, a readable unique id and a rounded position', () => {
    let flow = flowWith([])
    flow = addNode(flow, desc('human-review'), { x: 10.4, y: 20.6 })
    flow = addNode(flow, desc('human-review'), { x: 0, y: 0 })
    expect(flow.nodes.map((n) => n.id)).toEqual(['human-review', 'human-review-2'])
    expect(flow.nodes[0].position).toEqual({ x: 10, y: 21 })
    expect(flow.nodes[0].config.decisions).toEqual([
      { name: 'approve', label: 'Approve' },
      { name: 'reject', label: 'Reject' },
    ])
  })

  it('removes the edges of a deleted node', () => {
    let flow = flowWith([{ id: 'a', type: 'start' }, { id: 'b' }])
    flow = connect(flow, 'a', 'next', 'b')
    expect(removeElements(flow, ['b']).edges).toEqual([])
  })

  it('keeps edges attached when a node is renamed', () => {
    const flow = connect(flowWith([{ id: 'a', type: 'start' }, { id: 'b' }]), 'a', 'next', 'b')
    expect(renameNode(flow, 'b', 'done').edges[0]).toMatchObject({ source: 'a', target: 'done' })
  })

  it('moves the edges of a port renamed in the config', () => {
    const flow = connect(flowWith([{ id: 'r', type: 'rule' }, { id: 'b' }]), 'r', 'high', 'b')
    expect(followRenamedPort(flow, 'r', ['high', 'default'], ['very-high', 'default']).edges[0].sourcePort).toBe('very-high')
  })

  it('returns the same flow when a move changes nothing, so no undo step is made', () => {
    const flow = flowWith([{ id: 'a', position: { x: 5, y: 5 } }])
    expect(moveNodes(flow, { a: { x: 5.2, y: 4.9 } })).toBe(flow)
  })
})
