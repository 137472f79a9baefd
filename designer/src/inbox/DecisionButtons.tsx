/** One button per decision, with its key; the AI's proposal is marked in words, not only by colour. */
import { Icon } from '../ui/Icon'
import type { DecisionKey } from './decision'

interface Props {
  keys: DecisionKey[]
  proposed?: string
  busy: string | null
  blocked: Set<string>
  onDecide(decision: string): void
}

export function DecisionButtons({ keys, proposed, busy, blocked, onDecide }: Props) {
  // Letters where every decision has one (A, R), else numbers for all: one kind of hint, not a mix.
  const byLetter = keys.every((k) => k.letter)
  return (
    <div className="decision-buttons" role="group" aria-label="Decide">
      {keys.map((k) => {
        const isProposed = k.decision === proposed
        const key = byLetter ? k.letter!.toUpperCase() : String(k.number)
        return (
          <button
            key={k.decision}
            type="button"
            className={`button decision-button${isProposed ? ' is-proposed' : ''}`}
            disabled={busy !== null || blocked.has(k.decision)}
            aria-keyshortcuts={[k.letter, k.number <= 9 ? String(k.number) : ''].filter(Boolean).join(' ')}
            data-decision={k.decision}
            onClick={() => onDecide(k.decision)}
          >
            <span className="decision-text">
              <span className="decision-label">{busy === k.decision ? `${k.label}…` : k.label}</span>
              {isProposed && (
                <span className="decision-ai">
                  <Icon name="sparkles" size={12} /> AI proposal
                </span>
              )}
            </span>
            <kbd className="kbd" aria-hidden>
              {key}
            </kbd>
          </button>
        )
      })}
    </div>
  )
}
