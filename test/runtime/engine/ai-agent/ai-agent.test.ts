import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { answerCustomer, decideTask } from '../../../../runtime/engine/index.js'
import { completion, startFakeOpenAi, toolCalls, type FakeOpenAi } from '../../ai/openai/fake-openai.js'
import { createAgentEngine, REFUND_TOOL } from './agent-harness.js'

const gated = (mode: string, when?: string) => [{ ...REFUND_TOOL, approval: { mode, when, role: 'refunds' } }]
const refund = (amount: number, orderId = 'A-17') => toolCalls({ name: 'refund_payment', args: { orderId, amount } })

describe('the ai-agent step', () => {
  let fake: FakeOpenAi
  beforeAll(async () => {
    fake = await startFakeOpenAi()
  })
  afterAll(() => fake.close())
  beforeEach(() => fake.script(completion('nothing to do')))

  it('calls the model with the tools in the Chat Completions format and sends tool results back by tool_call_id', async () => {
    fake.script(refund(30), completion('Refunded 30.'))
    const t = createAgentEngine(fake.baseUrl)
    const run = await t.settle(await t.start({}))
    expect(run).toMatchObject({ status: 'completed', outcome: 'done' })
    expect(run.outputs.agent).toMatchObject({ answer: 'Refunded 30.', turns: 2, toolCalls: 1 })
    const [first, second] = fake.requests.map((r) => r.body)
    expect(first.tools).toEqual([{ type: 'function', function: { name: 'refund_payment', description: REFUND_TOOL.description, parameters: REFUND_TOOL.parameters } }])
    expect(first.messages).toEqual([
      { role: 'system', content: 'You handle refunds.' },
      { role: 'user', content: 'Refund order A-17' },
    ])
    expect(second.messages.at(-2)).toMatchObject({ role: 'assistant', tool_calls: [{ id: 'call_refund_payment_0', type: 'function' }] })
    expect(second.messages.at(-1)).toEqual({ role: 'tool', tool_call_id: 'call_refund_payment_0', content: JSON.stringify({ port: 'done', refunded: 30, refundId: 'rf_1' }) })
    expect(t.refunds).toEqual([{ input: { orderId: 'A-17', amount: 30 }, key: expect.stringMatching(/:call_refund_payment_0$/) }])
  })

  it('records each model turn, tool call and tool result in its own commit', async () => {
    fake.script(refund(30), completion('Refunded 30.'))
    const t = createAgentEngine(fake.baseUrl)
    const runId = await t.start({})
    await t.settle(runId)
    const kinds = (await t.events(runId)).flatMap((e) => (e.type === 'node.waiting' ? [(e.state.last as { kind: string }).kind] : []))
    expect(kinds).toEqual(['started', 'model-turn', 'tool-call', 'tool-result'])
  })

  it('asks for approval only when the condition over the arguments holds', async () => {
    fake.script(refund(30), refund(80), completion('done'))
    const t = createAgentEngine(fake.baseUrl)
    const runId = await t.start({ tools: gated('when', 'args.amount > 50') })
    const run = await t.settle(runId)
    expect(t.refunds.map((r) => r.input.amount)).toEqual([30])
    expect(run.status).toBe('waiting')
    const [task] = Object.values(run.tasks)
    expect(task).toMatchObject({ role: 'refunds', status: 'open', title: 'Approve refund_payment', decisions: ['approve', 'reject'] })
    expect(task.form).toEqual([
      { name: 'orderId', label: 'orderId', type: 'string', value: 'A-17' },
      { name: 'amount', label: 'amount', type: 'number', value: 80 },
    ])
    expect(task.show.conversation).toEqual([
      'Instructions: You handle refunds.',
      'Request: Refund order A-17',
      'Agent calls refund_payment {"orderId":"A-17","amount":30}',
      'refund_payment answered: {"port":"done","refunded":30,"refundId":"rf_1"}',
      'Agent calls refund_payment {"orderId":"A-17","amount":80}',
    ])
  })

  it('runs an approved call once the person approves, and the model gets its result', async () => {
    fake.script(refund(80), completion('Refunded 80.'))
    const t = createAgentEngine(fake.baseUrl)
    const runId = await t.start({ tools: gated('always') })
    const [task] = Object.values((await t.settle(runId)).tasks)
    expect(t.refunds).toEqual([])
    await decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })
    const run = await t.settle(runId)
    expect(run).toMatchObject({ status: 'completed', outcome: 'done' })
    expect(t.refunds.map((r) => r.input)).toEqual([{ orderId: 'A-17', amount: 80 }])
    expect(run.outputs.agent.approvals).toEqual([
      expect.objectContaining({ tool: 'refund_payment', decision: 'approved', by: 'olga', before: { orderId: 'A-17', amount: 80 }, after: { orderId: 'A-17', amount: 80 }, corrections: {} }),
    ])
  })

  it('runs the call with the arguments the person corrected', async () => {
    fake.script(refund(80), completion('Refunded 60.'))
    const t = createAgentEngine(fake.baseUrl)
    const runId = await t.start({ tools: gated('always') })
    const [task] = Object.values((await t.settle(runId)).tasks)
    await decideTask(t.engine, task.id, { decision: 'approve', by: 'olga', data: { amount: 60 } })
    const run = await t.settle(runId)
    expect(t.refunds.map((r) => r.input)).toEqual([{ orderId: 'A-17', amount: 60 }])
    expect(run.outputs.agent.approvals).toEqual([expect.objectContaining({ decision: 'corrected', corrections: { amount: { from: 80, to: 60 } }, after: { orderId: 'A-17', amount: 60 } })])
    const toolMessage = fake.requests[1].body.messages.at(-1)
    expect(JSON.parse(toolMessage.content)).toMatchObject({ refunded: 60 })
  })

  it('gives a rejection and its reason back to the model as the tool result, and runs nothing', async () => {
    fake.script(refund(80), completion('I could not refund it.'))
    const t = createAgentEngine(fake.baseUrl)
    const runId = await t.start({ tools: gated('always') })
    const [task] = Object.values((await t.settle(runId)).tasks)
    await expect(decideTask(t.engine, task.id, { decision: 'reject', by: 'olga' })).rejects.toMatchObject({ code: 'REASON_REQUIRED' })
    await decideTask(t.engine, task.id, { decision: 'reject', by: 'olga', reason: 'the order was already refunded' })
    const run = await t.settle(runId)
    expect(run).toMatchObject({ status: 'completed', outcome: 'done' })
    expect(t.refunds).toEqual([])
    const toolMessage = fake.requests[1].body.messages.at(-1)
    expect(toolMessage.role).toBe('tool')
    expect(JSON.parse(toolMessage.content)).toEqual({ error: 'A person rejected this call; it did not run.', reason: 'the order was already refunded' })
  })

  it('needs two distinct approvers when the tool asks for four eyes', async () => {
    fake.script(refund(80), completion('ok'))
    const t = createAgentEngine(fake.baseUrl)
    const runId = await t.start({ tools: [{ ...REFUND_TOOL, approval: { mode: 'always', role: 'refunds', approvals: 2 } }] })
    const [task] = Object.values((await t.settle(runId)).tasks)
    expect(await decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })).toMatchObject({ status: 'pending' })
    expect(t.refunds).toEqual([])
    await expect(decideTask(t.engine, task.id, { decision: 'approve', by: 'olga' })).rejects.toMatchObject({ code: 'ALREADY_APPROVED' })
    await decideTask(t.engine, task.id, { decision: 'approve', by: 'piet' })
    const run = await t.settle(runId)
    expect(t.refunds).toHaveLength(1)
    expect(run.outputs.agent.approvals).toEqual([expect.objectContaining({ reviewers: ['olga', 'piet'] })])
  })

  it('answers an unknown tool with a tool error and goes on', async () => {
    fake.script(toolCalls({ name: 'delete_everything', args: {} }), completion('sorry'))
    const t = createAgentEngine(fake.baseUrl)
    const run = await t.settle(await t.start({}))
    expect(run).toMatchObject({ status: 'completed', outcome: 'done' })
    expect(JSON.parse(fake.requests[1].body.messages.at(-1).content)).toEqual({ error: "There is no tool 'delete_everything'. Available tools: refund_payment." })
  })

  it('answers malformed or mistyped arguments with a tool error and goes on', async () => {
    fake.script(toolCalls({ name: 'refund_payment', args: '{"orderId": "A-17", amount: ' }, { name: 'refund_payment', args: { orderId: 'A-17', amount: 'lots' } }), completion('sorry'))
    const t = createAgentEngine(fake.baseUrl)
    const run = await t.settle(await t.start({}))
    expect(run).toMatchObject({ status: 'completed', outcome: 'done' })
    const [malformed, mistyped] = fake.requests[1].body.messages.slice(-2).map((m: { content: string }) => JSON.parse(m.content).error)
    expect(malformed).toMatch(/arguments for 'refund_payment' are not a JSON object/)
    expect(mistyped).toMatch(/do not match its parameters: amount: /)
    expect(t.refunds).toEqual([])
  })

  it('stops a model that keeps calling tools at the turn limit', async () => {
    fake.script(refund(1))
    const t = createAgentEngine(fake.baseUrl)
    const run = await t.settle(await t.start({ maxTurns: 3, maxToolCalls: 100 }))
    expect(run).toMatchObject({ status: 'completed', outcome: 'limit' })
    expect(run.outputs.agent).toMatchObject({ turns: 3, reason: expect.stringMatching(/3 turns without a final answer/) })
    expect(fake.requests).toHaveLength(3)
  })

  it('stops at the tool call limit before running the call over it', async () => {
    fake.script(refund(1))
    const t = createAgentEngine(fake.baseUrl)
    const run = await t.settle(await t.start({ maxTurns: 50, maxToolCalls: 2 }))
    expect(run).toMatchObject({ status: 'completed', outcome: 'limit' })
    expect(run.outputs.agent.reason).toMatch(/3 tool calls \(at most 2\)/)
    expect(t.refunds).toHaveLength(2)
  })

  it('checks the final answer against the output schema and lets the model fix it', async () => {
    const outputSchema = { type: 'object', properties: { refunded: { type: 'number' } }, required: ['refunded'] }
    fake.script(completion('I refunded it'), completion('```json\n{"refunded": 30}\n```'))
    const t = createAgentEngine(fake.baseUrl)
    const run = await t.settle(await t.start({ outputSchema }))
    expect(run.outputs.agent).toMatchObject({ answer: { refunded: 30 }, turns: 2 })
    expect(fake.requests[1].body.messages.at(-1)).toMatchObject({ role: 'user', content: expect.stringMatching(/must be only JSON matching this schema/) })
  })

  it('says clearly that it needs an OpenAI-compatible endpoint when none is configured', async () => {
    const t = createAgentEngine(undefined)
    const run = await t.settle(await t.start({}))
    expect(run).toMatchObject({ status: 'completed', outcome: 'error' })
    expect(run.outputs.agent).toMatchObject({ code: 'AI_NOT_CONFIGURED', error: expect.stringMatching(/set INLOOP_OPENAI_BASE_URL/) })
  })

  it('asks the customer when the model calls a customer tool, and gives the model the answer', async () => {
    const ask = { name: 'ask_customer', description: 'Ask the customer to pick a date', kind: 'customer', customer: { to: 'input.email', subject: 'Your delivery' } }
    fake.script(toolCalls({ name: 'ask_customer', args: { message: 'Which day suits you?', options: ['Mon', 'Tue'] } }), completion('Tuesday it is.'))
    const t = createAgentEngine(fake.baseUrl)
    const runId = await t.start({ tools: [ask] }, { orderId: 'A-17', email: 'ada@example.com' })
    const waiting = await t.settle(runId)
    const [request] = Object.values(waiting.requests)
    expect(request.request).toMatchObject({ to: 'ada@example.com', subject: 'Your delivery', message: 'Which day suits you?', kind: 'choose', options: [{ value: 'Mon', label: 'Mon' }, { value: 'Tue', label: 'Tue' }] })
    const token = await t.engine.deps.links.tokenFor({ runId, requestId: request.id, expiresAt: request.request.expiresAt })
    await answerCustomer(t.engine, token, { answer: 'choose', data: { option: 'Tue' } })
    const run = await t.settle(runId)
    expect(run.outputs.agent).toMatchObject({ answer: 'Tuesday it is.' })
    expect(JSON.parse(fake.requests[1].body.messages.at(-1).content)).toEqual({ answer: 'choose', option: 'Tue' })
  })
})
