/** Which connections the canvas refuses, and why. */
import { describe, expect, it } from 'vitest'
import { connectionProblem } from '../../designer/src/editor/graph/connection-rules'
import { connect } from '../../designer/src/editor/store/flow-edits'
import { flowWith, types } from './fixtures'

const flow = connect(flowWith([{ id: 's', type: 'start' }, { id: 'r', type: 'rule' }, { id: 'e' }]), 's', 'next', 'r')

describe('connection rules', () => {
  it('refuses a connection into a start step', () => {
    expect(connectionProblem(flow, types, { source: 'r', sourcePort: 'default', target: 's' })).toMatch(/take no input/)
  })
  it('refuses a step connected to itself', () => {
    expect(connectionProblem(flow, types, { source: 'r', sourcePort: 'default', target: 'r' })).toMatch(/itself/)
  })
  it('refuses the same connection twice', () => {
    expect(connectionProblem(flow, types, { source: 's', sourcePort: 'next', target: 'r' })).toMatch(/already leads/)
  })
  it('accepts a new connection from a port to another step', () => {
    expect(connectionProblem(flow, types, { source: 'r', sourcePort: 'default', target: 'e' })).toBeNull()
  })
})
