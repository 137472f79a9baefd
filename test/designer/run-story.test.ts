import { describe, expect, it } from 'vitest'
import { aiShown, runStory } from '../../designer/src/editor/runs/run-story'

const at = '2026-01-05T09:00:00.000Z'

describe('a run read as a story', () => {
  it('puts the AI proposal and the reviewer’s decision on the review step', () => {
    const story = runStory([
      { type: 'run.started', seq: 1, at, requestedBy: 'api' },
      { type: 'node.entered', seq: 2, at, nodeId: 'review', exec: 'x1', input: { amount: 5 } },
      { type: 'node.waiting', seq: 3, at, nodeId: 'review', exec: 'x1' },
      { type: 'task.created', seq: 4, at, taskId: 't1', nodeId: 'review', exec: 'x1', title: 'Check', proposedDecision: 'reject', show: { 'AI score': 0.2 } },
      { type: 'task.decided', seq: 5, at, taskId: 't1', decision: 'approve', by: 'ada', reason: 'known customer', corrections: { amount: { from: 5, to: 4 } }, reviewers: ['ada'] },
      { type: 'node.completed', seq: 6, at, nodeId: 'review', exec: 'x1', port: 'approve', output: { decision: 'approve' } },
      { type: 'run.completed', seq: 7, at, outcome: 'approved' },
    ])
    expect(story.map((e) => (e.kind === 'run' ? e.what : e.nodeId))).toEqual(['started', 'review', 'completed'])
    const step = story[1]
    expect(step).toMatchObject({ kind: 'step', port: 'approve', waiting: false, review: { proposal: 'reject', decision: 'approve', by: 'ada', reason: 'known customer', corrections: { amount: { from: 5, to: 4 } } } })
  })

  it('keeps why a step failed, and the retry', () => {
    const story = runStory([
      { type: 'node.entered', seq: 1, at, nodeId: 'check', exec: 'x1', input: {} },
      { type: 'node.failed', seq: 2, at, nodeId: 'check', exec: 'x1', error: { code: 'x', message: 'no such overload' } },
      { type: 'run.failed', seq: 3, at, error: { message: 'no such overload' } },
      { type: 'run.retried', seq: 4, at, nodeId: 'check', by: 'admin' },
    ])
    expect(story[0]).toMatchObject({ error: 'no such overload' })
    expect(story.slice(1).map((e) => e.kind === 'run' && `${e.what} ${e.by ?? ''}`.trim())).toEqual(['failed', 'retried admin'])
  })

  it('sums up an AI output a reviewer was shown in a few words', () => {
    const shown = { Applicant: 'Ben', 'AI score (good)': 0.13521, score: { task: 'score', label: 'risky', confidence: 0.8647, value: 0.1352 } }
    expect(aiShown(shown)).toEqual([
      { key: 'AI score (good)', text: '0.14' },
      { key: 'score', text: 'risky · confidence 0.86' },
    ])
  })
})
