import { describe, expect, it } from 'vitest'
import { createTestEngine, flow, typesOf } from './harness.js'

const ruleFlow = flow(
  'route',
  [
    { id: 'start', type: 'start' },
    { id: 'check', type: 'rule', config: { rules: [{ when: 'input.amount > params.limit', port: 'big' }] } },
    { id: 'big', type: 'end', config: { outcome: 'big' } },
    { id: 'small', type: 'end', config: { outcome: 'small', output: [{ name: 'doubled', value: 'input.amount * 2.0' }] } },
  ],
  ['start.next->check', 'check.big->big', 'check.default->small'],
  { parameters: [{ name: 'limit', label: 'Limit', type: 'number', value: 100 }] },
)

describe('starting a run', () => {
  it('runs an automatic path to completion in one commit with the outcome of the end node', async () => {
    const t = createTestEngine()
    await t.publish(ruleFlow)
    const { state } = await t.engine.startRun({ flowId: 'route', input: { amount: 30 } })
    expect(state.status).toBe('completed')
    expect(state.outcome).toBe('small')
    expect(state.output).toEqual({ doubled: 60 })
    expect(typesOf(t.committed)).toEqual([
      'run.started',
      'node.entered', 'node.completed',
      'node.entered', 'node.completed',
      'node.entered', 'node.completed',
      'run.completed',
    ])
  })

  it('evaluates rule conditions against the flow parameters', async () => {
    const t = createTestEngine()
    await t.publish(ruleFlow)
    const { state } = await t.engine.startRun({ flowId: 'route', input: { amount: 500 } })
    expect(state.outcome).toBe('big')
  })

  it('numbers events contiguously from 1', async () => {
    const t = createTestEngine()
    await t.publish(ruleFlow)
    const { runId } = await t.engine.startRun({ flowId: 'route', input: { amount: 1 } })
    const events = await t.store.runs.getEvents(runId)
    expect(events!.map((e) => e.seq)).toEqual(events!.map((_, i) => i + 1))
  })

  it('refuses input that does not match the flow input schema, naming the field', async () => {
    const t = createTestEngine()
    await t.publish({ ...ruleFlow, input: { type: 'object', required: ['amount'], properties: { amount: { type: 'number' } } } })
    await expect(t.engine.startRun({ flowId: 'route', input: { amount: 'lots' } })).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('input.amount'),
    })
    expect(await t.store.runs.countRuns()).toBe(0)
  })

  it('returns the first run when the same idempotency key comes again with the same input', async () => {
    const t = createTestEngine()
    await t.publish(ruleFlow)
    const first = await t.engine.startRun({ flowId: 'route', input: { amount: 1 }, idempotencyKey: 'order-7' })
    const second = await t.engine.startRun({ flowId: 'route', input: { amount: 1 }, idempotencyKey: 'order-7' })
    expect(second).toMatchObject({ runId: first.runId, created: false })
    expect(await t.store.runs.countRuns()).toBe(1)
  })

  it('refuses the same idempotency key with a different input, naming the first run', async () => {
    const t = createTestEngine()
    await t.publish(ruleFlow)
    const first = await t.engine.startRun({ flowId: 'route', input: { amount: 1 }, idempotencyKey: 'order-7' })
    await expect(t.engine.startRun({ flowId: 'route', input: { amount: 999 }, idempotencyKey: 'order-7' })).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      status: 409,
      details: { runId: first.runId },
    })
    expect(await t.store.runs.countRuns()).toBe(1)
  })

  it('answers a start that lost the race for its key in another engine with the winner', async () => {
    const t = createTestEngine()
    await t.publish(ruleFlow)
    // A second engine on the same store stands for a second process: no lock is shared, only the store.
    const other = t.secondEngine()
    const [a, b] = await Promise.all([
      t.engine.startRun({ flowId: 'route', input: { amount: 1 }, idempotencyKey: 'k' }),
      other.startRun({ flowId: 'route', input: { amount: 1 }, idempotencyKey: 'k' }),
    ])
    expect(a.runId).toBe(b.runId)
    expect([a.created, b.created].sort()).toEqual([false, true])
    expect(await t.store.runs.countRuns()).toBe(1)
  })

  it('creates one run when two starts with one idempotency key race', async () => {
    const t = createTestEngine()
    await t.publish(ruleFlow)
    const [a, b] = await Promise.all([
      t.engine.startRun({ flowId: 'route', input: { amount: 1 }, idempotencyKey: 'k' }),
      t.engine.startRun({ flowId: 'route', input: { amount: 1 }, idempotencyKey: 'k' }),
    ])
    expect(a.runId).toBe(b.runId)
    expect(await t.store.runs.countRuns()).toBe(1)
  })

  it('says a flow with no published version must be published first', async () => {
    const t = createTestEngine()
    await t.store.flows.saveDraft('route', ruleFlow, 'test')
    await expect(t.engine.startRun({ flowId: 'route', input: {} })).rejects.toMatchObject({ code: 'FLOW_NOT_PUBLISHED' })
  })

  it('fails the run with the node and the expression when a rule cannot be evaluated', async () => {
    const t = createTestEngine()
    await t.publish(ruleFlow)
    const { state } = await t.engine.startRun({ flowId: 'route', input: {} })
    expect(state.status).toBe('failed')
    expect(state.error).toMatchObject({ nodeId: 'check', message: expect.stringContaining('input.amount > params.limit') })
  })
})
