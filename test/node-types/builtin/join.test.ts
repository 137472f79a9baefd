import { describe, expect, it } from 'vitest'
import { builtinNodeTypes } from '../../../node-types/builtin/index.js'
import { join } from '../../../node-types/builtin/join.js'
import { planJoins } from '../../../node-types/flow/joins.js'
import { validateFlow } from '../../../node-types/flow/validate.js'
import { createRegistry } from '../../../node-types/registry.js'
import { runNode } from '../../../node-types/testing/index.js'
import { flow } from '../../helpers/flows.js'

describe('join', () => {
  it('merges what the branches brought and keeps each under branches', async () => {
    const { result } = await runNode(join, { input: { branches: [{ a: 1, same: 'x' }, { b: 2, same: 'y' }] } })
    expect(result).toEqual({ port: 'next', data: { a: 1, b: 2, same: 'y', branches: [{ a: 1, same: 'x' }, { b: 2, same: 'y' }] } })
  })

  it('needs a count in count mode', () => {
    expect(join.check!(join.config.parse({ mode: 'count' }))).toHaveLength(1)
    expect(join.gathers!(join.config.parse({ mode: 'count', count: 2 }))).toBe(2)
  })
})

describe('joins in the validator', () => {
  const registry = createRegistry(builtinNodeTypes)
  const codes = (f: unknown) => {
    const result = validateFlow(f, registry)
    return result.ok ? [] : result.problems.map((p) => p.code)
  }
  const rule = (id: string) => ({ id, type: 'rule', config: { rules: [{ when: 'input.x == 1', port: 'yes' }] } })

  it('accepts two parallel branches joined', () => {
    const f = flow('ok', [{ id: 'start', type: 'start' }, rule('a'), rule('b'), { id: 'j', type: 'join' }, { id: 'end', type: 'end' }], [
      'start.next->a', 'start.next->b', 'a.yes->j', 'a.default->j', 'b.yes->j', 'b.default->j', 'j.next->end',
    ])
    expect(codes(f)).toEqual([])
  })

  it('refuses a join no split reaches (a choice’s two ways meeting)', () => {
    const f = flow('no-split', [{ id: 'start', type: 'start' }, rule('a'), { id: 'j', type: 'join' }, { id: 'end', type: 'end' }], ['start.next->a', 'a.yes->j', 'a.default->j', 'j.next->end'])
    expect(codes(f)).toEqual(['join.no-split'])
  })

  it('accepts a branch whose unconnected error port fails the run', () => {
    const f = flow(
      'lost',
      [{ id: 'start', type: 'start' }, rule('a'), { id: 'call', type: 'sub-flow', config: { flow: 'other' } }, { id: 'j', type: 'join' }, { id: 'end', type: 'end' }],
      ['start.next->a', 'start.next->call', 'a.yes->j', 'a.default->j', 'call.done->j', 'j.next->end'],
    )
    // The sub-flow's error port is optional: unconnected it fails the run, so the branch never silently vanishes.
    expect(codes(f)).toEqual([])
  })

  it('refuses count above the branches that can arrive', () => {
    const f = flow('too-many', [{ id: 'start', type: 'start' }, rule('a'), rule('b'), { id: 'j', type: 'join', config: { mode: 'count', count: 3 } }, { id: 'end', type: 'end' }], [
      'start.next->a', 'start.next->b', 'a.yes->j', 'a.default->j', 'b.yes->j', 'b.default->j', 'j.next->end',
    ])
    expect(codes(f)).toEqual(['join.branch-may-not-arrive'])
  })

  it('counts branches through an inner split and join', () => {
    const f = flow(
      'nested',
      [{ id: 'start', type: 'start' }, rule('a'), rule('b'), rule('c'), { id: 'inner', type: 'join' }, { id: 'outer', type: 'join', config: { mode: 'count', count: 2 } }, { id: 'end', type: 'end' }],
      ['start.next->a', 'start.next->b', 'start.next->c', 'a.yes->outer', 'a.default->outer', 'b.yes->inner', 'b.default->inner', 'c.yes->inner', 'c.default->inner', 'inner.next->outer', 'outer.next->end'],
    )
    // start splits three ways; b and c meet in `inner`, so two branches reach `outer`.
    expect(codes(f)).toEqual([])
    expect(planJoins([{ id: 'start', ports: ['next'] }, { id: 'a', ports: ['next'] }, { id: 'b', ports: ['next'] }, { id: 'c', ports: ['next'] }, { id: 'inner', gathers: 'all', ports: ['next'] }, { id: 'outer', gathers: 'all', ports: ['next'] }], [
      { source: 'start', sourcePort: 'next', target: 'a' }, { source: 'start', sourcePort: 'next', target: 'b' }, { source: 'start', sourcePort: 'next', target: 'c' },
      { source: 'a', sourcePort: 'next', target: 'outer' }, { source: 'b', sourcePort: 'next', target: 'inner' }, { source: 'c', sourcePort: 'next', target: 'inner' }, { source: 'inner', sourcePort: 'next', target: 'outer' },
    ]).plans.map((p) => [p.joinId, p.expected])).toEqual([['inner', 2], ['outer', 2]])
  })

  it('refuses a join that could wait for a branch leaving by a port that leads nowhere', () => {
    const { problems } = planJoins(
      [{ id: 's', ports: ['next'] }, { id: 'a', ports: ['next'] }, { id: 'b', ports: ['next', 'skip'] }, { id: 'j', gathers: 'all', ports: ['next'] }],
      [{ source: 's', sourcePort: 'next', target: 'a' }, { source: 's', sourcePort: 'next', target: 'b' }, { source: 'a', sourcePort: 'next', target: 'j' }, { source: 'b', sourcePort: 'next', target: 'j' }],
    )
    expect(problems).toEqual([expect.objectContaining({ code: 'join.branch-may-not-arrive', message: expect.stringContaining("'b' by 'skip'") })])
  })
})
