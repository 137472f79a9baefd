/**
 * The editor's top bar: back to the list, the flow's name and save state,
 * undo/redo, tidy-up and fit, the JSON view and the live overlay, the
 * problem count, Save, Test run and Publish.
 */
import { navigate, ownerPath } from '../../app/router'
import { Icon } from '../../ui/Icon'
import { useEditorContext, useEditorState } from '../EditorContext'
import { flowOf, isDirty } from '../store/editor-store'
import { formatKeys } from '../shortcuts'
import { useState } from 'react'
import { LiveToggle } from './LiveToggle'
import { PublishDialog } from './PublishDialog'
import { SaveStatus } from './SaveStatus'
import { ShortcutsDialog } from './ShortcutsDialog'

export function Toolbar({ helpOpen, setHelpOpen }: { helpOpen: boolean; setHelpOpen(open: boolean): void }) {
  const { store, save, problems, validating, canvas, setTab, centre, setCentre } = useEditorContext()
  const name = useEditorState((s) => flowOf(s).name)
  const flowId = useEditorState((s) => flowOf(s).id)
  const canUndo = useEditorState((s) => s.history.past.length > 0 || s.history.transientBase !== null)
  const canRedo = useEditorState((s) => s.history.future.length > 0)
  const dirty = useEditorState(isDirty)
  const count = problems.all.length
  const [publishing, setPublishing] = useState(false)
  const showProblems = () => {
    store.dispatch({ type: 'select', selection: { nodes: [], edges: [] } })
    setTab('inspect')
  }
  const back = (e: React.MouseEvent) => {
    e.preventDefault()
    if (!dirty || confirm('You have unsaved changes. Leave without saving?')) navigate('/')
  }
  const openOwnerView = (e: React.MouseEvent) => {
    e.preventDefault()
    if (!dirty || confirm('You have unsaved changes. Leave without saving?')) navigate(ownerPath(flowId))
  }
  return (
    <header className="toolbar">
      <a href="/" className="icon-button" aria-label="Back to flows" title="Back to flows" onClick={back}>
        <Icon name="chevron-left" />
      </a>
      <div className="toolbar-title">
        <button className="toolbar-name" onClick={showProblems} title="Flow settings" data-testid="flow-name">
          {name}
        </button>
        <SaveStatus dirty={dirty} />
      </div>
      <div className="toolbar-group" role="group" aria-label="Edit">
        <button className="icon-button" aria-label="Undo" title={`Undo (${formatKeys('mod+Z')})`} disabled={!canUndo} onClick={() => store.dispatch({ type: 'undo' })} data-testid="undo">
          <Icon name="undo" />
        </button>
        <button className="icon-button" aria-label="Redo" title={`Redo (${formatKeys('mod+Shift+Z')})`} disabled={!canRedo} onClick={() => store.dispatch({ type: 'redo' })} data-testid="redo">
          <Icon name="redo" />
        </button>
        <span className="toolbar-sep" />
        <button className="icon-button" aria-label="Tidy up" title="Tidy up — auto-layout (L)" onClick={() => void canvas.autoLayout()} data-testid="auto-layout">
          <Icon name="layout" />
        </button>
        <button className="icon-button" aria-label="Zoom to fit" title="Zoom to fit (F)" onClick={() => canvas.fitView()}>
          <Icon name="fit" />
        </button>
        <button className="icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => setHelpOpen(true)}>
          <Icon name="keyboard" />
        </button>
        <span className="toolbar-sep" />
        <button
          className={`toggle-button${centre.kind === 'json' ? ' is-on' : ''}`}
          aria-pressed={centre.kind === 'json'}
          title="The flow as JSON, beside the canvas (J)"
          onClick={() => setCentre(centre.kind === 'json' ? { kind: 'canvas' } : { kind: 'json' })}
          data-testid="toggle-json"
        >
          <Icon name="braces" size={15} /> JSON
        </button>
        <LiveToggle />
      </div>
      <div className="toolbar-actions">
        <a href={ownerPath(flowId)} className="button" onClick={openOwnerView} title="The published flow's settings for owners, with the what-if, and its metrics" data-testid="open-owner-view">
          <Icon name="sliders" /> Owner view
        </a>
        <button className={`chip-button ${count > 0 ? 'is-bad' : validating ? '' : 'is-good'}`} onClick={showProblems} data-testid="problem-count" aria-live="polite">
          {(count > 0 || !validating) && <Icon name={count > 0 ? 'alert' : 'check'} />}
          {validating && count === 0 ? 'Checking…' : count > 0 ? `${count} problem${count === 1 ? '' : 's'}` : 'Valid'}
        </button>
        <button className="button" onClick={() => void save.save()} disabled={save.saving} data-testid="save" title={`Save draft (${formatKeys('mod+S')})`}>
          <Icon name="save" /> Save
        </button>
        <button className="button" onClick={() => setTab('run')} data-testid="open-test-run">
          <Icon name="flask" /> Test run
        </button>
        {/* Icon only: the side panel's "Past runs" tab says it in words, and the bar must fit 1440 px. */}
        <button className="button button-icon-only" onClick={() => setTab('replay')} aria-label="Try on past runs" title="Try on past runs: run this draft on past runs before publishing it" data-testid="open-replay">
          <Icon name="history" />
        </button>
        <button
          className="button button-primary"
          onClick={() => setPublishing(true)}
          disabled={count > 0 || validating || save.publishing}
          title={count > 0 ? 'Fix the problems before publishing' : 'Publish a new version'}
          data-testid="publish"
        >
          <Icon name="send" /> Publish
        </button>
      </div>
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      {publishing && <PublishDialog onClose={() => setPublishing(false)} onPublish={(note) => save.publish(note)} />}
    </header>
  )
}
