/** The steps a run went through, with the port each left by and its output. */
import type { RunEvent } from '../../api/types'
import { useEditorContext, useEditorState } from '../EditorContext'
import { flowOf } from '../store/editor-store'
import { timeline } from './run-progress'

export function RunTimeline({ events }: { events: RunEvent[] }) {
  const { canvas } = useEditorContext()
  const nodes = useEditorState((s) => flowOf(s).nodes)
  const steps = timeline(events)
  const label = (id: string) => nodes.find((n) => n.id === id)?.label ?? id
  return (
    <ol className="timeline" data-testid="run-timeline">
      {steps.map((s) => (
        <li key={s.seq} className={`timeline-step${s.error ? ' is-failed' : s.waiting ? ' is-waiting' : s.port ? ' is-done' : ''}`} data-node-id={s.nodeId}>
          <button type="button" className="timeline-node" onClick={() => canvas.focusNode(s.nodeId)}>
            {label(s.nodeId)}
          </button>
          {s.port && <span className="chip">→ {s.port}</span>}
          {s.waiting && !s.port && <span className="chip chip-warning">waiting</span>}
          {s.error && <p className="field-error">{s.error}</p>}
          {s.output !== undefined && (
            <details>
              <summary>Output</summary>
              <pre className="code-block">{JSON.stringify(s.output, null, 2)}</pre>
            </details>
          )}
        </li>
      ))}
    </ol>
  )
}
