/**
 * Drop a connection on empty canvas and pick the next step right there: the
 * new step is added where the connection ended and connected to it, in one
 * undo step.
 */
import { useState } from 'react'
import type { NodeTypeDescription } from '../../api/types'
import { Icon } from '../../ui/Icon'
import { paletteGroups } from './palette-groups'

export interface QuickAddRequest {
  /** Where to show the menu, relative to the canvas. */
  left: number
  top: number
  /** The connection's start. */
  source: string
  port: string
  /** Where the new step goes, in flow coordinates. */
  position: { x: number; y: number }
}

export function QuickAdd({ request, types, onPick, onClose }: { request: QuickAddRequest; types: NodeTypeDescription[]; onPick(type: string): void; onClose(): void }) {
  const [search, setSearch] = useState('')
  const choices = paletteGroups(types.filter((t) => t.inputs.length > 0), search).flatMap((g) => g.types)
  return (
    <div className="quick-add" style={{ left: request.left, top: request.top }} role="dialog" aria-label="Add the next step" data-testid="quick-add">
      <div className="palette-search">
        <Icon name="search" />
        <input
          autoFocus
          className="input input-bare"
          placeholder={`Next step after “${request.port}”`}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onBlur={() => setTimeout(onClose, 150)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') onClose()
            if (e.key === 'Enter' && choices[0]) onPick(choices[0].type)
          }}
        />
      </div>
      <div className="quick-add-list">
        {choices.map((t) => (
          <button key={t.type} type="button" className="palette-item" style={{ '--accent': t.color } as React.CSSProperties} onMouseDown={(e) => e.preventDefault()} onClick={() => onPick(t.type)}>
            <span className="palette-icon">
              <Icon name={t.icon} />
            </span>
            <span className="palette-title">{t.title}</span>
          </button>
        ))}
        {choices.length === 0 && <p className="muted small palette-none">No step matches.</p>}
      </div>
    </div>
  )
}
