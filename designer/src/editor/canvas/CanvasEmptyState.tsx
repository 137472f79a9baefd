/** What an empty canvas says: where to begin. */
import { Icon } from '../../ui/Icon'

export function CanvasEmptyState({ onAdd }: { onAdd(type: string): void }) {
  return (
    <div className="canvas-empty">
      <div className="canvas-empty-card">
        <Icon name="workflow" size={28} />
        <h2>Start with a Start step</h2>
        <p>Drag steps from the left onto the canvas, then connect an output (right side) to the next step’s input (left side).</p>
        <button className="button button-primary" onClick={() => onAdd('start')}>
          <Icon name="play" /> Add a Start step
        </button>
      </div>
    </div>
  )
}
