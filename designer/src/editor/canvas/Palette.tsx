/**
 * The palette: every node type the server knows, grouped by category, with
 * search. Drag an entry onto the canvas, or press Enter / click to add it
 * in the middle of the view.
 */
import { useState } from 'react'
import { Icon } from '../../ui/Icon'
import { useEditorContext } from '../EditorContext'
import { DRAG_MIME } from './Canvas'
import { paletteGroups } from './palette-groups'

export function Palette() {
  const { typeList, canvas } = useEditorContext()
  const [search, setSearch] = useState('')
  const groups = paletteGroups(typeList, search)
  return (
    <aside className="palette" aria-label="Steps">
      <div className="palette-search">
        <Icon name="search" />
        <input
          id="palette-search"
          className="input input-bare"
          placeholder="Search steps"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setSearch('')
            if (e.key === 'Enter' && groups[0]) canvas.addNodeAtCenter(groups[0].types[0].type)
          }}
          aria-label="Search steps"
        />
        <kbd className="kbd">/</kbd>
      </div>
      <div className="palette-groups">
        {groups.length === 0 && <p className="muted small palette-none">No step matches “{search}”.</p>}
        {groups.map((g) => (
          <section key={g.category} className="palette-group">
            <h3>{g.title}</h3>
            {g.types.map((t) => (
              <button
                key={t.type}
                className="palette-item"
                draggable
                data-node-type={t.type}
                style={{ '--accent': t.color } as React.CSSProperties}
                title={t.description}
                onDragStart={(e) => {
                  e.dataTransfer.setData(DRAG_MIME, t.type)
                  e.dataTransfer.effectAllowed = 'copy'
                }}
                onClick={() => canvas.addNodeAtCenter(t.type)}
              >
                <span className="palette-icon">
                  <Icon name={t.icon} />
                </span>
                <span className="palette-text">
                  <span className="palette-title">{t.title}</span>
                  <span className="palette-desc">{t.description}</span>
                </span>
              </button>
            ))}
          </section>
        ))}
      </div>
      <p className="palette-hint small muted">Drag onto the canvas, or click to add.</p>
    </aside>
  )
}
