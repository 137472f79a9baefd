/**
 * The right-hand panel: Inspect (the selected step, the selection, or the
 * flow's settings), Test run, Runs (the flow's runs, live) and Versions.
 * The two run tabs stay mounted, so a run being followed carries on; the
 * one on show draws its run's path on the canvas.
 */
import { useEffect } from 'react'
import { NO_PATH } from './canvas/overlay'
import { useEditorContext, useEditorState, type PanelTab } from './EditorContext'
import { NodeInspector } from './inspector/NodeInspector'
import { SelectionSummary } from './inspector/SelectionSummary'
import { ReplayPanel } from './replay/ReplayPanel'
import { RunsPanel } from './runs/RunsPanel'
import { TestRunPanel } from './run/TestRunPanel'
import { FlowSettings } from './settings/FlowSettings'
import { flowOf } from './store/editor-store'
import { VersionsPanel } from './toolbar/VersionsPanel'

// Labels only: five tabs with icons do not fit the panel's width at 1440 px.
const TABS: { id: PanelTab; label: string }[] = [
  { id: 'inspect', label: 'Inspect' },
  { id: 'run', label: 'Test run' },
  { id: 'runs', label: 'Runs' },
  { id: 'replay', label: 'Past runs' },
  { id: 'versions', label: 'Versions' },
]

export function SidePanel({ hidden }: { hidden?: boolean }) {
  const { tab, setTab, showRunPath } = useEditorContext()
  useEffect(() => {
    if (tab !== 'run' && tab !== 'runs') showRunPath(NO_PATH)
  }, [tab, showRunPath])
  return (
    <aside className="side-panel" aria-label="Details" hidden={hidden}>
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} role="tab" aria-selected={tab === t.id} className={`tab${tab === t.id ? ' is-on' : ''}`} onClick={() => setTab(t.id)} data-testid={`tab-${t.id}`}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="side-panel-body" role="tabpanel">
        {tab === 'inspect' && <InspectTab />}
        <div hidden={tab !== 'run'}>
          <TestRunPanel active={tab === 'run'} />
        </div>
        <div hidden={tab !== 'runs'}>
          <RunsPanel active={tab === 'runs'} />
        </div>
        {/* Kept mounted: the last replay stays while another tab is open. */}
        <div hidden={tab !== 'replay'}>
          <ReplayPanel active={tab === 'replay'} />
        </div>
        {tab === 'versions' && <VersionsPanel />}
      </div>
    </aside>
  )
}

function InspectTab() {
  const selection = useEditorState((s) => s.selection)
  const node = useEditorState((s) => (s.selection.nodes.length === 1 && s.selection.edges.length === 0 ? flowOf(s).nodes.find((n) => n.id === s.selection.nodes[0]) : undefined))
  if (node) return <NodeInspector key={node.id} node={node} />
  if (selection.nodes.length > 0 || selection.edges.length > 0) return <SelectionSummary />
  return <FlowSettings />
}
