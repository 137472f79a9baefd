import { describe, expect, it } from 'vitest'
import { rule } from '../../../node-types/builtin/rule.js'
import { runNode } from '../../../node-types/testing/index.js'

const rules = [
  { when: 'input.amount >= params.fourEyes', port: 'four-eyes' },
  { when: 'nodes.score.value >= params.auto', port: 'auto' },
]
const params = { fourEyes: 50_000, auto: 0.8 }

describe('rule', () => {
  it('offers one port per outcome plus default', () => {
    expect(rule.portsFor(rule.config.parse({ rules }))).toEqual(['four-eyes', 'auto', 'default'])
  })

  it('takes the first condition that holds, in order', async () => {
    const { result } = await runNode(rule, { config: { rules }, ctx: { input: { amount: 90_000 }, nodes: { score: { value: 0.95 } }, params } })
    expect(result).toEqual({ port: 'four-eyes', data: { outcome: 'four-eyes', rule: 0 } })
  })

  it('falls through to default when no condition holds', async () => {
    const { result } = await runNode(rule, { config: { rules }, ctx: { input: { amount: 10 }, nodes: { score: { value: 0.2 } }, params } })
    expect(result).toEqual({ port: 'default', data: { outcome: 'default', rule: null } })
  })

  it('treats a condition that is not exactly true as not holding', async () => {
    const { result } = await runNode(rule, { config: { rules: [{ when: '"yes"', port: 'odd' }] } })
    expect(result).toMatchObject({ port: 'default' })
  })

  it('refuses a condition that names the default port', () => {
    expect(rule.check!(rule.config.parse({ rules: [{ when: 'true', port: 'default' }] }))).toHaveLength(1)
  })

  it('cannot reach JavaScript through an expression', async () => {
    for (const when of ['this.constructor.constructor("return process")()', 'input.__proto__.polluted == 1', 'process.exit(1)']) {
      await expect(runNode(rule, { config: { rules: [{ when, port: 'x' }] }, ctx: { input: {} } })).rejects.toThrow()
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
