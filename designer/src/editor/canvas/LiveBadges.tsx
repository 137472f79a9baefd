/**
 * A step's live counts, drawn above it: runs running here, waiting here
 * (with how long the oldest has waited), failed here, and done today.
 */
import { useEffect, useLayoutEffect, useReducer } from 'react'
import { drawn } from '../live/live-latency'
import { waitAge } from '../live/live-state'
import type { NodeLive } from './overlay'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

export function LiveBadges({ live }: { live: NodeLive }) {
  const [, tick] = useReducer((n: number) => n + 1, 0)
  // The oldest wait's age moves on by itself.
  useEffect(() => {
    if (!live.oldestWaitingSince) return
    const t = setInterval(tick, 30_000)
    return () => clearInterval(t)
  }, [live.oldestWaitingSince])
  useLayoutEffect(() => drawn(live), [live])
  const { running, waiting, failed, doneToday } = live
  if (running + waiting + failed + doneToday === 0) return null
  const age = waitAge(live.oldestWaitingSince)
  return (
    <div className="fnode-live" data-testid="node-live" data-running={running} data-waiting={waiting} data-failed={failed} data-done={doneToday}>
      {running > 0 && (
        <span className="live-chip is-running" title={`${plural(running, 'run')} at this step now`}>
          ▶ {running}
        </span>
      )}
      {waiting > 0 && (
        <span className="live-chip is-waiting" title={`${plural(waiting, 'run')} waiting here; the oldest for ${age}`}>
          ⏸ {waiting}
          {age && <span className="live-age"> · {age}</span>}
        </span>
      )}
      {failed > 0 && (
        <span className="live-chip is-failed" title={`${plural(failed, 'run')} failed here; retry them from the Runs tab`}>
          ✕ {failed}
        </span>
      )}
      {doneToday > 0 && (
        <span className="live-chip is-done" title={`${plural(doneToday, 'time')} done today`}>
          ✓ {doneToday}
        </span>
      )}
    </div>
  )
}
