import { describe, expect, it } from 'vitest'
import { describeDue } from '../../../designer/src/inbox/due'
import { DEFAULT_FILTERS } from '../../../designer/src/inbox/inbox-filters'
import { neighbour, nextAfter, rememberQueue } from '../../../designer/src/inbox/task-queue'

describe('moving through the inbox', () => {
  it('steps to the next and previous task of the list last seen', () => {
    rememberQueue(['a', 'b', 'c'], DEFAULT_FILTERS)
    expect([neighbour('b', 1), neighbour('b', -1), neighbour('c', 1), neighbour('x', 1)]).toEqual(['c', 'a', undefined, undefined])
  })

  it('after a decision goes to the next task that is still open, else the first other one', () => {
    rememberQueue(['a', 'b', 'c', 'd'], DEFAULT_FILTERS)
    expect(nextAfter('b', ['a', 'd'])).toBe('d')
    expect(nextAfter('d', ['a', 'd'])).toBe('a')
    expect(nextAfter('a', ['a'])).toBeUndefined()
  })
})

describe('due times in words', () => {
  const now = Date.parse('2026-03-02T12:00:00Z')
  it('says how overdue a task is', () => {
    expect(describeDue('2026-03-02T09:00:00Z', now)).toMatchObject({ text: 'Overdue by 3 h', overdue: true })
  })
  it('marks what is due within a day', () => {
    expect(describeDue('2026-03-02T12:20:00Z', now)).toMatchObject({ text: 'Due in 20 min', overdue: false, soon: true })
    expect(describeDue('2026-03-05T12:00:00Z', now)).toMatchObject({ text: 'Due in 3 days', soon: false })
  })
  it('never calls a decided task overdue', () => {
    expect(describeDue('2026-03-01T12:00:00Z', now, false).overdue).toBe(false)
    expect(describeDue(undefined, now).text).toBe('No deadline')
  })
  it('says a decided task "was due" only when its deadline has passed', () => {
    expect(describeDue('2026-03-01T12:00:00Z', now, false).text).toMatch(/^Was due /)
    expect(describeDue('2026-03-07T12:00:00Z', now, false).text).toMatch(/^Due (7 Mar|Mar 7)$/)
  })
})
