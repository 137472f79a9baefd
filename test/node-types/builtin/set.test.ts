import { describe, expect, it } from 'vitest'
import { set } from '../../../node-types/builtin/set.js'
import { runNode } from '../../../node-types/testing/index.js'
import { runFlow } from '../../../runtime/testing/index.js'
import { flow } from '../../helpers/flows.js'

describe('set', () => {
  it('adds computed values to the data that reached it', async () => {
    const { result } = await runNode(set, { config: { values: [{ name: 'total', value: 'input.amount * 2.0' }, { name: 'who', value: 'nodes.review.by' }] }, input: { id: 7 }, ctx: { input: { amount: 21 }, nodes: { review: { by: 'olga' } } } })
    expect(result).toEqual({ port: 'next', data: { id: 7, total: 42, who: 'olga' } })
  })

  it('passes only its values when told not to keep the incoming data', async () => {
    const { result } = await runNode(set, { config: { keep: false, values: [{ name: 'name', value: 'input.customer.name' }] }, input: { id: 7 }, ctx: { input: { customer: { name: 'Ada' } } } })
    expect(result).toEqual({ port: 'next', data: { name: 'Ada' } })
  })

  it('refuses a name set twice', () => {
    expect(set.check!(set.config.parse({ values: [{ name: 'a', value: '1' }, { name: 'a', value: '2' }] }))).toHaveLength(1)
  })

  it('makes its values readable downstream as nodes.<id>.<name>', async () => {
    const f = flow('set-flow', [{ id: 'start', type: 'start' }, { id: 'calc', type: 'set', config: { values: [{ name: 'total', value: 'input.a + input.b' }] } }, { id: 'end', type: 'end', config: { output: [{ name: 'sum', value: 'nodes.calc.total' }] } }], ['start.next->calc', 'calc.next->end'])
    const run = await runFlow(f, { input: { a: 2, b: 3 } })
    expect(run).toMatchObject({ status: 'completed', output: { sum: 5 } })
  })
})
