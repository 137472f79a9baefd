/** When several things (or one connection) are selected: what they are, and delete or duplicate them. */
import { Icon } from '../../ui/Icon'
import { ProblemList } from '../../ui/ProblemList'
import { useEditorContext, useEditorState } from '../EditorContext'
import { copyFragment, pasteFragment } from '../store/clipboard'
import { flowOf } from '../store/editor-store'
import { removeElements } from '../store/flow-edits'

export function SelectionSummary() {
  const { store, problems } = useEditorContext()
  const selection = useEditorState((s) => s.selection)
  const flow = useEditorState(flowOf)
  const edge = selection.nodes.length === 0 && selection.edges.length === 1 ? flow.edges.find((e) => e.id === selection.edges[0]) : undefined
  const remove = () => store.dispatch({ type: 'edit', edit: (f) => removeElements(f, selection.nodes, selection.edges) })
  const duplicate = () => {
    const fragment = copyFragment(flow, selection.nodes)
    if (fragment) store.dispatch({ type: 'edit', edit: (f) => pasteFragment(f, fragment).flow })
  }
  const name = (id: string) => flow.nodes.find((n) => n.id === id)?.label ?? id
  return (
    <div className="inspector" data-testid="selection-summary">
      <section className="inspector-section">
        {edge ? (
          <>
            <h2>Connection</h2>
            <p>
              From <strong>{name(edge.source)}</strong> by <code>{edge.sourcePort}</code> to <strong>{name(edge.target)}</strong>.
            </p>
            {problems.byEdge.get(edge.id) && <ProblemList problems={problems.byEdge.get(edge.id)!} />}
          </>
        ) : (
          <>
            <h2>
              {selection.nodes.length} step{selection.nodes.length === 1 ? '' : 's'}
              {selection.edges.length > 0 && `, ${selection.edges.length} connection${selection.edges.length === 1 ? '' : 's'}`} selected
            </h2>
            <p className="muted small">Drag to move them together. Copy with Ctrl+C, paste with Ctrl+V.</p>
          </>
        )}
      </section>
      <div className="inspector-footer">
        {selection.nodes.length > 0 && (
          <button className="button" onClick={duplicate}>
            <Icon name="copy" /> Duplicate
          </button>
        )}
        <button className="button button-danger-quiet" onClick={remove}>
          <Icon name="trash" /> Delete
        </button>
      </div>
    </div>
  )
}
