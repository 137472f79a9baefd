/** The period's headline numbers, each with the counts behind it. */
import type { MetricsSummary } from '../api/learning-types'
import { Tile } from '../owner/Tile'
import { count, percent, plural, waitingTime } from './format-numbers'

/** "3 of 12 answers", or what is missing when there is nothing to count. */
const outOf = (part: number, whole: number, noun: string, none: string, nouns?: string) => (whole === 0 ? none : `${count(part)} of ${plural(whole, noun, nouns)}`)

export function MetricsTiles({ t }: { t: MetricsSummary }) {
  return (
    <div className="ow-tiles ow-tiles-6" data-testid="metrics-tiles">
      <Tile label="Handled automatically" value={percent(t.automationRate)} detail={outOf(t.automated, t.decided, 'decided case', 'no decided cases yet')} testId="m-automation" />
      <Tile
        label="Reviewers overrode the AI"
        value={percent(t.overrideRate)}
        detail={outOf(t.overridden, t.tasksDecided, 'review decision', 'no review decisions yet')}
        tone={t.overrideRate !== null && t.overrideRate > 0.2 ? 'warning' : 'neutral'}
        testId="m-override"
      />
      <Tile
        label="Time to decide"
        value={waitingTime(t.timeToDecision.medianSeconds)}
        detail={t.timeToDecision.count ? `half of the decisions; 9 in 10 within ${waitingTime(t.timeToDecision.p90Seconds)}` : 'no review decisions yet'}
        testId="m-time"
      />
      <Tile
        label="Deadlines missed"
        value={percent(t.deadlines.breachRate)}
        detail={outOf(t.deadlines.breached, t.deadlines.withDeadline, 'task with a deadline', 'no tasks with a deadline', 'tasks with a deadline')}
        tone={t.deadlines.breached > 0 ? 'bad' : 'neutral'}
        testId="m-breaches"
      />
      <Tile label="Customers confirmed" value={percent(t.customer.confirmationRate)} detail={outOf(t.customer.confirmed, t.customer.answered, 'customer answer', 'no customer answers yet')} testId="m-confirmed" />
      <Tile
        label="Customer links expired"
        value={percent(t.customer.expiryRate)}
        detail={outOf(t.customer.expired, t.customer.answered + t.customer.expired, 'customer request', 'no customer requests yet')}
        tone={t.customer.expired > 0 ? 'warning' : 'neutral'}
        testId="m-expired"
      />
    </div>
  )
}
