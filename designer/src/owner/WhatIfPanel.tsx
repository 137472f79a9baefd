/**
 * The what-if beside the settings: what the values on screen would have done
 * to the flow's past cases, against the values in force now. Updated as the
 * values change; says so while a newer answer is on its way.
 */
import type { WhatIfState } from './useWhatIf'
import { plural } from '../metrics/format-numbers'
import { WhatIfCharts } from './WhatIfCharts'
import { WhatIfTiles } from './WhatIfTiles'

interface Props {
  state: WhatIfState
  minutesPerReview: number
  setMinutesPerReview(n: number): void
}

export function WhatIfPanel({ state, minutesPerReview, setMinutesPerReview }: Props) {
  const r = state.result
  // From the answer, not the sliders: while a new answer is on its way, the old one is drawn as what it was.
  const changed = !!r && JSON.stringify(r.parameters) !== JSON.stringify(r.current.parameters)
  return (
    <section className="ow-card what-if" aria-labelledby="what-if-title" aria-busy={state.pending} data-testid="what-if">
      <header className="ow-card-head">
        <div>
          <h2 id="what-if-title">{changed ? 'What your change would have done' : 'What the settings in force do'}</h2>
          <p className="muted" data-testid="what-if-basis">
            {!r
              ? 'Replaying past cases…'
              : changed
                ? `Your settings replayed on this flow's ${plural(r.cases, 'past case')}, against the settings in force now.`
                : `This flow's ${plural(r.cases, 'past case')} replayed with the settings in force. Move a setting to see what it would change.`}
          </p>
        </div>
        <span className={`chip${state.pending ? ' chip-info' : ''}`} aria-live="polite">
          {state.pending ? 'Updating…' : 'Up to date'}
        </span>
      </header>
      {state.error && (
        <p className="banner banner-error" role="alert">
          {state.error}
        </p>
      )}
      {r && r.cases === 0 && <p className="empty-note">This flow has no past cases yet. Once it has run, this shows what a change would have done to them.</p>}
      {r && r.cases > 0 && (
        <>
          <WhatIfTiles r={r} changed={changed} minutesPerReview={minutesPerReview} />
          <WhatIfCharts r={r} changed={changed} />
          {(r.failed > 0 || r.unreplayable > 0) && (
            <p className="muted small">{plural(r.failed + r.unreplayable, 'past case')} could not be replayed with these settings and are not counted as automated.</p>
          )}
        </>
      )}
      <label className="what-if-minutes">
        A review decision takes about
        <input type="number" className="input" min={1} max={480} value={minutesPerReview} onChange={(e) => Number(e.target.value) > 0 && setMinutesPerReview(Number(e.target.value))} />
        minutes
      </label>
    </section>
  )
}
