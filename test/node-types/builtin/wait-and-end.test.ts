import { describe, expect, it } from 'vitest'
import { end } from '../../../node-types/builtin/end.js'
import { wait } from '../../../node-types/builtin/wait.js'
import { resumeNode, runNode } from '../../../node-types/testing/index.js'

describe('wait', () => {
  it('schedules one timer a duration from now', async () => {
    const { result } = await runNode(wait, { config: { for: 'P30D' }, ctx: { now: () => new Date('2026-01-01T00:00:00Z') } })
    expect(result).toMatchObject({ wait: { timers: [{ name: 'wake', at: '2026-01-31T00:00:00.000Z' }] } })
  })

  it('schedules a timer at a time from the run', async () => {
    const { result } = await runNode(wait, { config: { until: 'input.at' }, ctx: { input: { at: '2026-05-01T10:00:00Z' } } })
    expect(result).toMatchObject({ wait: { timers: [{ name: 'wake', at: '2026-05-01T10:00:00.000Z' }] } })
  })

  it('refuses a duration that is not ISO 8601', () => {
    expect(wait.config.safeParse({ for: '3 days' }).success).toBe(false)
  })

  it('continues with the data it was given when the timer fires', async () => {
    const { result } = await resumeNode(wait, { kind: 'timer', name: 'wake' }, { config: { for: 'PT1H' }, state: { input: { a: 1 } }, ctx: { now: () => new Date('2026-01-31T00:00:00Z') } })
    expect(result).toEqual({ port: 'next', data: { a: 1, wokeAt: '2026-01-31T00:00:00.000Z' } })
  })
})

describe('end', () => {
  it('ends with the outcome and the data that reached it', async () => {
    const { result } = await runNode(end, { config: { outcome: 'approved' }, input: { id: 7 } })
    expect(result).toEqual({ end: { outcome: 'approved', output: { id: 7 } } })
  })

  it('builds the output from expressions when fields are given', async () => {
    const { result } = await runNode(end, { config: { output: [{ name: 'who', value: 'nodes.review.by' }] }, ctx: { nodes: { review: { by: 'olga' } } } })
    expect(result).toEqual({ end: { outcome: 'done', output: { who: 'olga' } } })
  })
})
