/**
 * A run's timeline: each step visited with when, the port it left by, its
 * input and output, what failed; reviews show the AI's proposal beside the
 * person's decision; customer answers and the run's own moments in between.
 * Clicking a step brings it into view on the canvas; clicking a step on the
 * canvas brings its (latest) entry into view here, with its input and output.
 */
import { useEffect, useRef } from 'react'
import type { RunEvent } from '../../api/types'
import { useEditorContext, useEditorState } from '../EditorContext'
import { flowOf } from '../store/editor-store'
import { ReviewCompare } from './ReviewCompare'
import { runStory, type StepEntry } from './run-story'

const time = (iso: string) => (iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : '')

export function RunTimeline({ events }: { events: RunEvent[] }) {
  const story = runStory(events)
  const selected = useEditorState((s) => (s.selection.nodes.length === 1 ? s.selection.nodes[0] : null))
  const focused = selected ? story.findLast((e) => e.kind === 'step' && e.nodeId === selected)?.seq : undefined
  return (
    <ol className="timeline" data-testid="run-timeline">
      {story.map((entry) =>
        entry.kind === 'step' ? (
          <StepItem key={entry.seq} step={entry} focused={entry.seq === focused} />
        ) : (
          <li key={entry.seq} className={`timeline-moment moment-${entry.what}`} data-testid="run-moment">
            <span className="timeline-time">{time(entry.at)}</span> Run {entry.what}
            {entry.by ? ` by ${entry.by}` : ''}
            {entry.detail ? ` — ${entry.detail}` : ''}
          </li>
        ),
      )}
    </ol>
  )
}

function StepItem({ step, focused }: { step: StepEntry; focused: boolean }) {
  const { canvas } = useEditorContext()
  const item = useRef<HTMLLIElement>(null)
  useEffect(() => {
    if (!focused || !item.current) return
    item.current.scrollIntoView({ block: 'nearest' })
    const details = item.current.querySelector('details')
    if (details) details.open = true
  }, [focused])
  const label = useEditorState((s) => flowOf(s).nodes.find((n) => n.id === step.nodeId)?.label) ?? step.nodeId
  const state = step.error ? 'is-failed' : step.waiting ? 'is-waiting' : step.port ? 'is-done' : 'is-active'
  return (
    <li ref={item} className={`timeline-step ${state}${focused ? ' is-focused' : ''}`} data-node-id={step.nodeId} aria-current={focused ? 'step' : undefined}>
      <div className="timeline-row">
        <button type="button" className="timeline-node" onClick={() => canvas.focusNode(step.nodeId)}>
          {label}
        </button>
        {step.port && <span className="chip">→ {step.port}</span>}
        {step.waiting && <span className="chip chip-warning">waiting</span>}
        <span className="timeline-time">{time(step.at)}</span>
      </div>
      {step.error && <p className="field-error">{step.error}</p>}
      {step.review && <ReviewCompare review={step.review} />}
      {step.answer && (
        <p className="small">
          Customer answered <strong>{step.answer.answer}</strong> at {time(step.answer.at)}
        </p>
      )}
      {(step.input !== undefined || step.output !== undefined) && (
        <details>
          <summary>Input and output</summary>
          <div className="io-grid">
            <span className="field-label">Input</span>
            <pre className="code-block">{JSON.stringify(step.input ?? null, null, 2)}</pre>
            {step.output !== undefined && (
              <>
                <span className="field-label">Output</span>
                <pre className="code-block">{JSON.stringify(step.output, null, 2)}</pre>
              </>
            )}
          </div>
        </details>
      )}
    </li>
  )
}
