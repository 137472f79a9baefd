/** Step through a finished run from its start: back, forward, play, or drag; the canvas follows. */
import { useEffect, useState } from 'react'
import { Icon } from '../../ui/Icon'

export function StepControls({ total, at, onAt }: { total: number; at: number; onAt(at: number): void }) {
  const [playing, setPlaying] = useState(false)
  useEffect(() => {
    if (!playing) return
    if (at >= total) return setPlaying(false)
    const t = setTimeout(() => onAt(at + 1), 450)
    return () => clearTimeout(t)
  }, [playing, at, total, onAt])
  return (
    <div className="step-controls" data-testid="step-controls">
      <button className="icon-button small" aria-label="Back to the start" title="Back to the start" onClick={() => (setPlaying(false), onAt(1))}>
        <Icon name="skip-back" size={14} />
      </button>
      <button className="icon-button small" aria-label="One event back" disabled={at <= 1} onClick={() => onAt(at - 1)} data-testid="step-back">
        <Icon name="chevron-left" size={16} />
      </button>
      <button className="icon-button small" aria-label={playing ? 'Pause' : 'Play from here'} onClick={() => (at >= total && onAt(1), setPlaying(!playing))} data-testid="step-play">
        <Icon name={playing ? 'pause' : 'play'} size={14} />
      </button>
      <button className="icon-button small" aria-label="One event forward" disabled={at >= total} onClick={() => onAt(at + 1)} data-testid="step-forward">
        <Icon name="chevron-right" size={16} />
      </button>
      <input type="range" min={1} max={total} value={at} onChange={(e) => (setPlaying(false), onAt(Number(e.target.value)))} aria-label="Event" />
      <span className="small muted" data-testid="step-position">
        {at} / {total}
      </span>
    </div>
  )
}
