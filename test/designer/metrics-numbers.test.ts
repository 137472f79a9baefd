/** Numbers on the owner's pages: rates, times and hours in words, days as chart series, retrain label guesses. */
import { describe, expect, it } from 'vitest'
import type { FlowMetrics, MetricsSummary } from '../../designer/src/api/learning-types'
import { everyDay, series } from '../../designer/src/metrics/daily-series'
import { hours, moreOrFewer, percent, waitingTime } from '../../designer/src/metrics/format-numbers'
import { timeUnit } from '../../designer/src/metrics/metrics-charts'
import { guessLabels, retrainChoices } from '../../designer/src/metrics/retrain-choices'
import type { Flow } from '../../designer/src/api/types'

describe('numbers in words', () => {
  it('shows a rate as a percentage and nothing to divide as a dash, not 0%', () => {
    expect(percent(0.734)).toBe('73%')
    expect(percent(null)).toBe('–')
  })

  it('says how long in the unit that reads best', () => {
    expect(waitingTime(0.2)).toBe('under a second')
    expect(waitingTime(45)).toBe('45 seconds')
    expect(waitingTime(600)).toBe('10 minutes')
    expect(waitingTime(9000)).toBe('2.5 hours')
    expect(waitingTime(3 * 86_400)).toBe('3 days')
  })

  it('gives reviewer time in minutes under an hour', () => {
    expect(hours(0.75)).toBe('45 minutes')
    expect(hours(1)).toBe('1 hour')
    expect(hours(-2.5)).toBe('2.5 hours')
  })

  it('compares a count with now in words', () => {
    expect(moreOrFewer(-9)).toBe('9 fewer than now')
    expect(moreOrFewer(2)).toBe('2 more than now')
    expect(moreOrFewer(0)).toBe('as many as now')
  })

  it('picks the largest time unit in which the longest bar is at least 2', () => {
    expect(timeUnit(30).name).toBe('seconds')
    expect(timeUnit(3 * 3600).name).toBe('hours')
    expect(timeUnit(5 * 86_400).name).toBe('days')
  })
})

describe('daily series', () => {
  const row = (date: string, automationRate: number | null) => ({ date, automationRate }) as { date: string } & MetricsSummary
  const metrics = { from: '2026-03-01T00:00:00.000Z', to: null, daily: [row('2026-03-03', 0.5), row('2026-03-05', 1)] } as unknown as FlowMetrics

  it('runs from the first day with cases to today, with gaps (not zeros) on days without', () => {
    const days = everyDay(metrics, new Date('2026-03-06T12:00:00Z'))
    expect(days).toEqual(['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'])
    expect(series(metrics, days, (s) => s.automationRate)).toEqual([0.5, null, 1, null])
  })
})

describe('what a retrain may need to be told', () => {
  const flow = {
    nodes: [
      { id: 'score', type: 'ai-step', config: { task: 'score', provider: 'local', labels: ['good', 'risky'] } },
      { id: 'review', type: 'human-review', config: {} },
    ],
  } as unknown as Flow

  it("maps a review's decisions onto the AI's labels in order, as a first guess", () => {
    const choices = retrainChoices(flow)
    expect(choices).toEqual({ labels: ['good', 'risky'], decisions: ['approve', 'reject'] })
    expect(guessLabels(choices)).toEqual({ approve: 'good', reject: 'risky' })
  })
})
