import { describe, expect, it } from 'vitest'
import { rule } from '../../../node-types/builtin/rule.js'
import { formToCel, operandToCel } from '../../../node-types/builtin/rule/condition-form.js'
import { runNode } from '../../../node-types/testing/index.js'

const form = {
  match: 'all' as const,
  conditions: [
    { field: 'nodes.score.confidence', operator: '>=' as const, param: 'autoApprove' },
    { field: 'input.country', operator: 'in' as const, value: ['DE', 'AT'] },
  ],
}

describe('rule conditions built in a form', () => {
  it('compile to the CEL a power user would write, with a guard for missing fields', () => {
    expect(operandToCel('input.amount', { operator: '>=', value: 50000 })).toBe('"amount" in input && input.amount >= 50000')
    expect(operandToCel('nodes.four-eyes.decision', { operator: '==', value: 'approve' })).toBe(
      '"four-eyes" in nodes && "decision" in nodes["four-eyes"] && nodes["four-eyes"].decision == "approve"',
    )
  })

  it('pick the port when every condition holds', async () => {
    const { result } = await runNode(rule, {
      config: { rules: [{ form, port: 'auto' }] },
      ctx: { input: { country: 'AT' }, nodes: { score: { confidence: 0.93 } }, params: { autoApprove: 0.9 } },
    })
    expect(result).toEqual({ port: 'auto', data: { outcome: 'auto', rule: 0 } })
  })

  it('match when any condition holds with match “any”', async () => {
    const { result } = await runNode(rule, {
      config: { rules: [{ form: { ...form, match: 'any' }, port: 'auto' }] },
      ctx: { input: { country: 'FR' }, nodes: { score: { confidence: 0.95 } }, params: { autoApprove: 0.9 } },
    })
    expect(result).toMatchObject({ port: 'auto' })
  })

  it('treat a missing field as not matching instead of failing the run', async () => {
    const { result } = await runNode(rule, { config: { rules: [{ form, port: 'auto' }] }, ctx: { input: {}, params: { autoApprove: 0.9 } } })
    expect(result).toMatchObject({ port: 'default' })
  })

  it('offer the missing and exists operators', async () => {
    const rules = [{ form: { match: 'all' as const, conditions: [{ field: 'input.email', operator: 'missing' as const }] }, port: 'ask' }]
    expect((await runNode(rule, { config: { rules }, ctx: { input: {} } })).result).toMatchObject({ port: 'ask' })
    expect((await runNode(rule, { config: { rules }, ctx: { input: { email: 'a@b.c' } } })).result).toMatchObject({ port: 'default' })
  })

  it('refuse stored CEL that no longer matches its form, naming the right CEL', () => {
    const problems = rule.check!(rule.config.parse({ rules: [{ form, when: 'true', port: 'auto' }] }))
    expect(problems).toEqual([{ path: ['rules', 0, 'when'], message: expect.stringContaining(formToCel(form)) }])
  })

  it('refuse an operator without the value it needs', () => {
    const problems = rule.check!(rule.config.parse({ rules: [{ form: { conditions: [{ field: 'input.a', operator: 'in', value: 3 }] }, port: 'x' }] }))
    expect(problems[0]).toMatchObject({ path: ['rules', 0, 'form', 'conditions', 0], message: "'in' needs a list of values" })
  })

  it('migrates a version 1 config to version 2 unchanged in meaning', () => {
    const v1 = { rules: [{ when: 'input.amount > 1', port: 'big' }] }
    expect(rule.version).toBe(2)
    expect(rule.config.parse(rule.migrate!(v1, 1))).toMatchObject({ mode: 'conditions', rules: v1.rules })
  })
})
