/** Ports and summaries the canvas draws for each node. */
import { describe, expect, it } from 'vitest'
import { nodeInfo } from '../../designer/src/editor/graph/node-info'
import { desc } from './fixtures'

describe('node info for the canvas', () => {
  it('gives a rule one port per outcome plus default, and a summary', () => {
    const config = { rules: [{ when: 'input.amount > params.limit', port: 'big', label: 'amount > limit' }] }
    expect(nodeInfo({ type: 'rule', config }, desc('rule'), { limit: 5 })).toEqual({ ports: ['big', 'default'], summary: 'amount > limit → big' })
  })

  it('resolves parameter references before computing ports', () => {
    const info = nodeInfo({ type: 'human-review', config: { due: { $param: 'due' } } }, desc('human-review'), { due: 'P2D' })
    expect(info.ports).toEqual(['approve', 'reject'])
    expect(info.summary).toContain('due P2D')
  })

  it('falls back to the described outputs for a type the designer does not know', () => {
    const custom = { ...desc('wait'), type: 'crm-lookup', outputs: ['found', 'missing'] }
    expect(nodeInfo({ type: 'crm-lookup', config: {} }, custom, {}).ports).toEqual(['found', 'missing'])
  })
})
