import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decideTask } from '../../../../runtime/engine/index.js'
import { completion, startFakeOpenAi, toolCalls, type FakeOpenAi } from '../../ai/openai/fake-openai.js'
import { flow } from '../harness.js'
import { createAgentEngine, REFUND_TOOL } from './agent-harness.js'

/** A published flow the agent calls as a tool: pays the refund and ends 'refunded' with its id. */
const refundPayment = flow(
  'refund-payment',
  [
    { id: 'start', type: 'start' },
    { id: 'pay', type: 'pay-refund' },
    { id: 'done', type: 'end', config: { outcome: 'refunded', output: [{ name: 'refundId', value: 'nodes.pay.refundId' }] } },
  ],
  ['start.next->pay', 'pay.done->done'],
  { input: { type: 'object', properties: { orderId: { type: 'string' }, amount: { type: 'number' } }, required: ['orderId', 'amount'] } },
)

const subFlowTool = { ...REFUND_TOOL, kind: 'sub-flow', nodeType: undefined, flowId: 'refund-payment', approval: { mode: 'when', when: 'args.amount > 50', role: 'refunds' } }

describe('an ai-agent tool that is a published flow', () => {
  let fake: FakeOpenAi
  beforeAll(async () => {
    fake = await startFakeOpenAi()
  })
  afterAll(() => fake.close())

  it('runs the flow as a child run once approved and gives the model its outcome and output', async () => {
    fake.script(toolCalls({ name: 'refund_payment', args: { orderId: 'A-17', amount: 80 } }), completion('Refunded.'))
    const t = createAgentEngine(fake.baseUrl)
    await t.publish(refundPayment)
    const runId = await t.start({ tools: [subFlowTool] })
    const [task] = Object.values((await t.settle(runId)).tasks)
    expect(t.refunds).toEqual([])
    await decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })
    const run = await t.settle(runId)
    expect(run).toMatchObject({ status: 'completed', outcome: 'done' })
    expect(t.refunds.map((r) => r.input)).toEqual([{ orderId: 'A-17', amount: 80 }])
    const [child] = Object.values(run.children!)
    expect(child).toMatchObject({ flowId: 'refund-payment', status: 'completed', outcome: 'refunded' })
    expect(JSON.parse(fake.requests[1].body.messages.at(-1).content)).toEqual({ runId: child.id, outcome: 'refunded', output: { refundId: 'rf_1' } })
  })

  it('tells the model when the flow run failed, and goes on', async () => {
    fake.script(toolCalls({ name: 'refund_payment', args: { orderId: 'A-17', amount: 10 } }), completion('It failed.'))
    const t = createAgentEngine(fake.baseUrl)
    const runId = await t.start({ tools: [{ ...subFlowTool, flowId: 'no-such-flow' }] })
    const run = await t.settle(runId)
    expect(run).toMatchObject({ status: 'completed', outcome: 'done' })
    const result = JSON.parse(fake.requests[1].body.messages.at(-1).content)
    expect(result.error).toMatch(/no-such-flow/)
  })
})
