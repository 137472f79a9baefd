/**
 * The what-if in numbers: automation now and with the change, the expected
 * errors among the automated cases (the number to watch), the cases left for
 * reviewers and the reviewer time saved. Before anything changed, the same
 * tiles say what the settings in force do, without comparisons.
 */
import type { WhatIfResult } from '../api/learning-types'
import { count, hours, moreOrFewer, percent, plural } from '../metrics/format-numbers'
import { Tile } from './Tile'

export function WhatIfTiles({ r, changed, minutesPerReview }: { r: WhatIfResult; changed: boolean; minutesPerReview: number }) {
  const now = r.current
  const errorsUp = r.overriddenAmongAutomated > now.overriddenAmongAutomated
  const saved = r.reviewerHoursSaved
  const was = (text: string) => (changed ? ` (now ${text})` : '')
  return (
    <div className="ow-tiles" data-testid="what-if-tiles">
      <Tile
        label="Handled automatically"
        testId="wi-automation"
        value={
          changed ? (
            <>
              <span className="ow-tile-was">{percent(now.automationRate)}</span>
              <span className="ow-tile-arrow" aria-label="would become">
                →
              </span>
              {percent(r.automationRate)}
            </>
          ) : (
            percent(r.automationRate)
          )
        }
        detail={`${count(r.automated)} of ${plural(r.cases, 'case')}${was(count(now.automated))}`}
        tone={r.automated > now.automated ? 'good' : 'neutral'}
      />
      <Tile
        label="Expected errors"
        testId="wi-errors"
        value={count(r.overriddenAmongAutomated)}
        detail={`automated cases a person had decided differently${was(count(now.overriddenAmongAutomated))}; about ${r.estimatedErrors} with the cases nobody checked, by calibrated confidence`}
        tone={r.overriddenAmongAutomated === 0 ? 'neutral' : errorsUp ? 'bad' : 'warning'}
      />
      <Tile
        label="Cases for reviewers"
        testId="wi-workload"
        value={count(r.reviewWorkload)}
        detail={changed ? `${moreOrFewer(r.reviewWorkload - now.reviewWorkload)} (${count(now.reviewWorkload)})` : r.reviewDecisions > r.reviewWorkload ? `${plural(r.reviewDecisions, 'decision')}: four eyes counts two` : 'cases a person decides'}
      />
      {changed ? (
        <Tile
          label={saved < 0 ? 'Extra reviewer time' : 'Reviewer time saved'}
          testId="wi-hours"
          value={saved === 0 ? 'none' : hours(saved)}
          detail={`${hours(r.reviewerHours)} of reviewing instead of ${hours(now.reviewerHours)}, at ${minutesPerReview} minutes a decision`}
          tone={saved > 0 ? 'good' : saved < 0 ? 'warning' : 'neutral'}
        />
      ) : (
        <Tile label="Reviewer time" testId="wi-hours" value={hours(r.reviewerHours)} detail={`at ${minutesPerReview} minutes a decision`} />
      )}
    </div>
  )
}
