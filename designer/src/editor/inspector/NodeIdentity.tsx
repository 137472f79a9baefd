/**
 * A node's label (what the canvas shows) and id (what expressions use:
 * `nodes.<id>`). Renaming the id keeps its edges; an id already taken or
 * malformed is refused with a reason.
 */
import { useEffect, useState } from 'react'
import type { FlowNode } from '../../../../node-types/flow/schema'
import { useEditorContext } from '../EditorContext'
import { flowOf } from '../store/editor-store'
import { renameNode, updateNode } from '../store/flow-edits'
import { isValidId } from '../store/ids'

export function NodeIdentity({ node }: { node: FlowNode }) {
  const { store } = useEditorContext()
  const [id, setId] = useState(node.id)
  useEffect(() => setId(node.id), [node.id])
  const taken = id !== node.id && flowOf(store.get()).nodes.some((n) => n.id === id)
  const error = !isValidId(id) ? 'Use letters, digits, “_”, “.” or “-”, starting with a letter or digit.' : taken ? `Another step already has the id “${id}”.` : null
  const commitId = () => {
    if (error || id === node.id) return setId(node.id)
    store.dispatch({ type: 'edit', edit: (f) => renameNode(f, node.id, id), select: { nodes: [id], edges: [] } })
  }
  return (
    <div className="inspector-section identity">
      <label className="field">
        <span className="field-label">Label</span>
        <input
          className="input"
          data-testid="node-label"
          value={node.label ?? ''}
          placeholder="What this step does, e.g. Score application"
          onChange={(e) => store.dispatch({ type: 'edit', key: `label:${node.id}`, edit: (f) => updateNode(f, node.id, { label: e.target.value }) })}
        />
      </label>
      <label className={`field${error ? ' field-invalid' : ''}`}>
        <span className="field-label">Id</span>
        <input
          className="input input-code"
          data-testid="node-id"
          value={id}
          onChange={(e) => setId(e.target.value)}
          onBlur={commitId}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitId()
            if (e.key === 'Escape') setId(node.id)
          }}
        />
        {error ? <p className="field-error">{error}</p> : <p className="field-help">Expressions refer to this step as nodes.{node.id}</p>}
      </label>
    </div>
  )
}
