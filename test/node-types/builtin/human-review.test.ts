import { describe, expect, it } from 'vitest'
import { humanReview } from '../../../node-types/builtin/human-review.js'
import { resumeNode, runNode } from '../../../node-types/testing/index.js'

const now = () => new Date('2026-03-02T08:00:00Z')

describe('human-review', () => {
  it('waits with a task whose title, proposal, form and due time come from the run', async () => {
    const { result } = await runNode(humanReview, {
      config: {
        title: 'Loan for {{ input.name }}',
        role: 'credit-officer',
        proposal: 'nodes.score.value >= 0.5 ? "approve" : "reject"',
        form: [{ name: 'amount', label: 'Amount', type: 'number', value: 'input.amount' }],
        due: 'P2D',
      },
      ctx: { input: { name: 'Ada', amount: 900 }, nodes: { score: { value: 0.3 } }, now },
    })
    expect(result).toEqual({
      wait: {
        task: expect.objectContaining({
          title: 'Loan for Ada',
          role: 'credit-officer',
          decisions: ['approve', 'reject'],
          decisionLabels: { approve: 'Approve', reject: 'Reject' },
          proposedDecision: 'reject',
          form: [{ name: 'amount', label: 'Amount', type: 'number', value: 900 }],
          dueAt: '2026-03-04T08:00:00.000Z',
          requiredApprovals: 1,
        }),
        timers: [{ name: 'deadline', at: '2026-03-04T08:00:00.000Z' }],
      },
    })
  })

  it('writes numbers in the task title as the task page shows them, with separators', async () => {
    const { result } = await runNode(humanReview, {
      config: { title: 'Loan of {{ input.amount }} EUR at {{ input.rate }} %' },
      ctx: { input: { amount: 150000, rate: 3.25 }, now },
    })
    expect((result as { wait: { task: { title: string } } }).wait.task.title).toBe('Loan of 150,000 EUR at 3.25 %')
  })

  it('has a port per decision, and overdue when the deadline takes a port', () => {
    const config = humanReview.config.parse({ decisions: [{ name: 'ok', label: 'OK' }], onDeadline: 'port', due: 'PT1H' })
    expect(humanReview.portsFor(config)).toEqual(['ok', 'overdue'])
  })

  it('leaves by the decision with who decided, why and the corrected fields', async () => {
    const signal = { kind: 'decision' as const, taskId: 't', decision: 'approve', data: { amount: 800 }, reason: 'ok', by: 'olga', earlier: [] }
    const { result } = await resumeNode(humanReview, signal)
    expect(result).toEqual({ port: 'approve', data: { decision: 'approve', by: 'olga', reason: 'ok', fields: { amount: 800 } } })
  })

  it('escalates at the deadline when configured to', async () => {
    const { result } = await resumeNode(humanReview, { kind: 'timer', name: 'deadline' }, { config: { due: 'P1D', onDeadline: 'escalate', escalateTo: 'lead' } })
    expect(result).toEqual({ stay: { reassign: { role: 'lead', reason: 'not decided by the deadline (P1D)' } } })
  })

  it('asks for a role to escalate to', () => {
    expect(humanReview.check!(humanReview.config.parse({ onDeadline: 'escalate' }))).toEqual([expect.objectContaining({ path: ['escalateTo'] })])
  })
})
