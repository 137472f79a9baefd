import { describe, expect, it } from 'vitest'
import { rule } from '../../../node-types/builtin/rule.js'
import { substituteParamRefs } from '../../../node-types/flow/param-ref.js'
import { isSampled, samplePoint } from '../../../node-types/builtin/rule/sampling.js'
import { runNode } from '../../../node-types/testing/index.js'

const rules = [{ when: 'nodes.score.value >= 0.8', port: 'auto' }]
const ctx = (runId: string) => ({ runId, nodeId: 'route', nodes: { score: { value: 0.9 } } })

describe('rule sampling', () => {
  it('adds the review port to the outputs', () => {
    expect(rule.portsFor(rule.config.parse({ rules, sampling: { percent: 10, to: 'spot-check' } }))).toEqual(['auto', 'spot-check', 'default'])
  })

  it('sends a sampled automatic outcome to the review port and says so', async () => {
    const runId = Array.from({ length: 1000 }, (_, i) => `r_${i}`).find((id) => samplePoint(`${id}:route`) < 0.1)!
    const { result } = await runNode(rule, { config: { rules, sampling: { percent: 10 } }, ctx: ctx(runId) })
    expect(result).toEqual({ port: 'default', data: { outcome: 'default', rule: 0, sampled: true, sampledFrom: 'auto' } })
  })

  it('decides the same way for the same run every time', async () => {
    const config = { rules, sampling: { percent: 50 } }
    const first = await runNode(rule, { config, ctx: ctx('r_fixed') })
    for (let i = 0; i < 5; i++) expect((await runNode(rule, { config, ctx: ctx('r_fixed') })).result).toEqual(first.result)
  })

  it('samples close to the asked share of runs', () => {
    const sampling = { percent: 20, from: [], to: 'default' }
    const hits = Array.from({ length: 20_000 }, (_, i) => isSampled(sampling, 'auto', `r_01J${i.toString(36).padStart(6, '0')}`, 'route')).filter(Boolean).length
    expect(hits / 20_000).toBeGreaterThan(0.19)
    expect(hits / 20_000).toBeLessThan(0.21)
  })

  it('never samples the default outcome unless asked to', () => {
    expect(isSampled({ percent: 100, from: [], to: 'review' }, 'default', 'r_1', 'route')).toBe(false)
    expect(isSampled({ percent: 100, from: ['default'], to: 'review' }, 'default', 'r_1', 'route')).toBe(true)
  })

  it('takes its share from a flow parameter', () => {
    const raw = { rules, sampling: { percent: { $param: 'samplePercent' } } }
    const config = rule.config.parse(substituteParamRefs(raw, { samplePercent: 5 }))
    expect(config.sampling?.percent).toBe(5)
  })
})
