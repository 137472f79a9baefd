import { describe, expect, it } from 'vitest'
import { rule } from '../../../node-types/builtin/rule.js'
import { rowToCel } from '../../../node-types/builtin/rule/decision-table.js'
import { runNode } from '../../../node-types/testing/index.js'

const table = {
  hitPolicy: 'first' as const,
  columns: [{ field: 'input.amount' }, { field: 'nodes.score.value' }],
  rows: [
    { cells: [{ operator: '>=' as const, param: 'fourEyes' }, null], port: 'four-eyes' },
    { cells: [null, { operator: '>=' as const, value: 0.8 }], port: 'auto' },
    { cells: [{ operator: '<' as const, value: 100 }, { operator: '>=' as const, value: 0.5 }], port: 'auto' },
  ],
}
const params = { fourEyes: 50_000 }

describe('rule decision tables', () => {
  it('have one port per distinct row outcome plus default', () => {
    expect(rule.portsFor(rule.config.parse({ mode: 'table', table }))).toEqual(['four-eyes', 'auto', 'default'])
  })

  it('take the first matching row with the first-hit policy', async () => {
    const { result } = await runNode(rule, { config: { mode: 'table', table }, ctx: { input: { amount: 90_000 }, nodes: { score: { value: 0.9 } }, params } })
    expect(result).toEqual({ port: 'four-eyes', data: { outcome: 'four-eyes', row: 0 } })
  })

  it('list every matching row with the collect policy and leave by the first', async () => {
    const { result } = await runNode(rule, {
      config: { mode: 'table', table: { ...table, hitPolicy: 'collect' } },
      ctx: { input: { amount: 90_000 }, nodes: { score: { value: 0.9 } }, params },
    })
    expect(result).toEqual({ port: 'four-eyes', data: { outcome: 'four-eyes', row: 0, outcomes: ['four-eyes', 'auto'], rows: [0, 1] } })
  })

  it('fall through to default when no row matches', async () => {
    const { result } = await runNode(rule, { config: { mode: 'table', table }, ctx: { input: { amount: 5000 }, nodes: { score: { value: 0.2 } }, params } })
    expect(result).toEqual({ port: 'default', data: { outcome: 'default', row: null } })
  })

  it('store each row as CEL, an empty cell matching anything', () => {
    expect(rowToCel(table.columns, [null, null])).toBe('true')
    expect(rowToCel(table.columns, table.rows[2].cells)).toBe('("amount" in input && input.amount < 100) && ("score" in nodes && "value" in nodes.score && nodes.score.value >= 0.5)')
  })

  it('refuse a row with more cells than columns', () => {
    const bad = { ...table, rows: [{ cells: [null, null, null], port: 'x' }] }
    expect(rule.check!(rule.config.parse({ mode: 'table', table: bad }))).toEqual([{ path: ['table', 'rows', 0, 'cells'], message: 'row 1 has 3 cells for 2 columns' }])
  })

  it('expose row conditions to the validator so parameters are checked', () => {
    const sources = rule.expressions!(rule.config.parse({ mode: 'table', table })).map((e) => e.source)
    expect(sources[0]).toContain('params.fourEyes')
  })
})
