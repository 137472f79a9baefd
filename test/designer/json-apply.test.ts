import { describe, expect, it } from 'vitest'
import { flowText, parseFlowText } from '../../designer/src/editor/monaco/json-apply'
import { flowWith } from './fixtures'

const flow = flowWith([{ id: 'a', type: 'start' }])

describe('applying the JSON view', () => {
  it('accepts text that parses and has the flow shape', () => {
    const result = parseFlowText(flowText({ ...flow, name: 'Renamed' }), 'f')
    expect(result).toMatchObject({ ok: true, flow: { name: 'Renamed' } })
  })

  it('refuses text that does not parse, and says so', () => {
    expect(parseFlowText('{"id": ', 'f')).toMatchObject({ ok: false, syntax: true })
  })

  it('refuses JSON without the flow shape, naming the paths', () => {
    const result = parseFlowText(JSON.stringify({ ...flow, nodes: [{ id: 'a' }] }), 'f')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.join('\n')).toMatch(/nodes\.0\.type/)
  })

  it('refuses a changed flow id', () => {
    expect(parseFlowText(flowText({ ...flow, id: 'other' }), 'f')).toMatchObject({ ok: false })
  })
})
