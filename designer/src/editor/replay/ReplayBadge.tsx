/** Above a step while a replay is shown: past cases through it as recorded → with the draft. */
import { direction, signed, type Counts } from './replay-overlay'

export function ReplayBadge({ counts }: { counts: Counts }) {
  const { before, after } = counts
  const moved = direction(counts)
  return (
    <div className="fnode-replay" data-testid="node-replay" data-before={before} data-after={after}>
      <span className={`replay-chip is-${moved}`} title={`${before} past cases went through this step; with this draft ${after} would`}>
        {before === after ? `${after} cases` : `${before} → ${after}`}
        {moved !== 'same' && <span className="replay-delta"> ({signed(after - before)})</span>}
      </span>
    </div>
  )
}
