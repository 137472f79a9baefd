/** `runFlow`: a whole flow on an in-memory engine, its waits answered by callbacks. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { crmLookup } from '../../../examples/custom-node-types/crm-lookup.js'
import { defineNodeType } from '../../../node-types/sdk/define-node-type.js'
import { runFlow } from '../../../runtime/testing/index.js'
import { PROJECT_ROOT } from '../../../runtime/version.js'
import { startFakeCrm, type FakeCrm } from '../../helpers/fake-crm.js'
import { flow, reviewFlow } from '../../helpers/flows.js'

const shout = defineNodeType({
  type: 'shout',
  version: 1,
  title: 'Shout',
  description: 'Upper-cases a text',
  category: 'data',
  icon: 'message',
  color: '#000000',
  outputs: ['done'],
  config: z.object({ field: z.string().default('text') }),
  execute: (ctx, _input, config) => ({ port: 'done', data: { text: String(ctx.input[config.field]).toUpperCase() } }),
})

describe('runFlow', () => {
  it('runs a flow with a custom node type to its end and reports the path', async () => {
    const f = flow('shouting', [{ id: 'start', type: 'start' }, { id: 'loud', type: 'shout' }, { id: 'end', type: 'end', config: { outcome: 'shouted' } }], ['start.next->loud', 'loud.done->end'])
    const run = await runFlow(f, { input: { text: 'hello' }, nodeTypes: [shout] })
    expect(run).toMatchObject({ status: 'completed', outcome: 'shouted', output: { text: 'HELLO' } })
    expect(run.path).toEqual([
      { nodeId: 'start', port: 'next' },
      { nodeId: 'loud', port: 'done' },
      { nodeId: 'end', port: 'end' },
    ])
  })

  it('decides tasks through the decide callback', async () => {
    const run = await runFlow(reviewFlow('review'), { decide: (task) => ({ decision: task.decisions[1], by: 'ada' }) })
    expect(run).toMatchObject({ status: 'completed', outcome: 'rejected' })
    expect(Object.values(run.state.tasks)[0].decision).toMatchObject({ decision: 'reject', by: 'ada' })
  })

  it('leaves the run waiting, with its open task, when nothing decides it', async () => {
    const run = await runFlow(reviewFlow('review'))
    expect(run.status).toBe('waiting')
    expect(Object.values(run.state.tasks)).toEqual([expect.objectContaining({ status: 'open', role: 'checker' })])
  })

  it('moves its clock to a deadline the test leaves to pass', async () => {
    const late = reviewFlow('late', { due: 'P2D', onDeadline: 'port' })
    late.nodes.push({ id: 'overdue', type: 'end', typeVersion: 1, position: { x: 0, y: 0 }, config: { outcome: 'overdue' } })
    late.edges.push({ id: 'e-late', source: 'review', sourcePort: 'overdue', target: 'overdue' })
    const run = await runFlow(late, { clock: '2026-03-02T08:00:00.000Z', decide: () => undefined })
    expect(run.outcome).toBe('overdue')
    expect(run.events.find((e) => e.type === 'timer.fired')?.at).toBe('2026-03-04T08:00:00.000Z')
  })

  it('asks as many distinct reviewers as four eyes needs', async () => {
    const reviewers: string[] = []
    const run = await runFlow(reviewFlow('four-eyes', { approvals: 2 }), {
      decide: (task) => {
        reviewers.push(`reviewer-${task.approvals.length + 1}`)
        return { decision: 'approve' }
      },
    })
    expect(run.outcome).toBe('approved')
    expect(reviewers).toEqual(['reviewer-1', 'reviewer-2'])
  })

  it('answers customer requests through the answer callback', async () => {
    const f = flow(
      'confirm',
      [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'customer-confirmation', config: { to: '"ada@example.com"' } },
        { id: 'yes', type: 'end', config: { outcome: 'confirmed' } },
        { id: 'no', type: 'end', config: { outcome: 'rejected' } },
        { id: 'late', type: 'end', config: { outcome: 'expired' } },
      ],
      ['start.next->ask', 'ask.confirm->yes', 'ask.reject->no', 'ask.expired->late'],
    )
    const confirmed = await runFlow(f, { answer: (request) => ({ answer: request.request.answers[0] }) })
    expect(confirmed.outcome).toBe('confirmed')
    const unanswered = await runFlow(f, { answer: () => undefined })
    expect(unanswered.outcome).toBe('expired')
  })

  it('refuses a flow with problems, listing each', async () => {
    const broken = flow('broken', [{ id: 'start', type: 'start' }, { id: 'x', type: 'shuot' }], ['start.next->x'])
    await expect(runFlow(broken, { nodeTypes: [shout] })).rejects.toThrow(/node\.unknown-type.*did you mean 'shout'/)
  })

  describe('with the customer-onboarding example and a local CRM', () => {
    let crm: FakeCrm
    const onboarding = JSON.parse(readFileSync(join(PROJECT_ROOT, 'examples', 'customer-onboarding.flow.json'), 'utf8'))
    beforeAll(async () => {
      crm = await startFakeCrm([{ id: 'c-1', name: 'Ada Keller', email: 'ada@example.com', openBalance: 0 }])
    })
    afterAll(() => crm.close())

    it('hands the crm-lookup node its secrets and onboards a known customer', async () => {
      const run = await runFlow(onboarding, {
        input: { name: 'Ada Keller', email: 'ada@example.com' },
        nodeTypes: [crmLookup],
        secrets: { 'crm-base-url': crm.url, 'crm-api-key': 'k-1' },
      })
      expect(run).toMatchObject({ status: 'completed', outcome: 'onboarded' })
      expect(run.state.outputs.lookup).toMatchObject({ customer: { id: 'c-1' }, attempts: 1 })
      expect(crm.requests.at(-1)?.headers.authorization).toBe('Bearer k-1')
    })

    it('sends an unknown customer to the onboarding team', async () => {
      const run = await runFlow(onboarding, {
        input: { name: 'New Person', email: 'new@example.com' },
        nodeTypes: [crmLookup],
        secrets: { 'crm-base-url': crm.url },
        decide: (task) => (task.nodeId === 'new-customer' ? { decision: 'approve' } : undefined),
      })
      expect(run.path.map((p) => p.nodeId)).toEqual(['start', 'lookup', 'new-customer', 'onboarded'])
    })
  })
})
