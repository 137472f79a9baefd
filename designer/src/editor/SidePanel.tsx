/**
 * The right-hand panel: Inspect (the selected step, the selection, or the
 * flow's settings), Test run and Versions.
 */
import { Icon } from '../ui/Icon'
import type { NodeRunStatus } from './canvas/to-react-flow'
import { useEditorContext, useEditorState, type PanelTab } from './EditorContext'
import { NodeInspector } from './inspector/NodeInspector'
import { SelectionSummary } from './inspector/SelectionSummary'
import { TestRunPanel } from './run/TestRunPanel'
import { FlowSettings } from './settings/FlowSettings'
import { flowOf } from './store/editor-store'
import { VersionsPanel } from './toolbar/VersionsPanel'

const TABS: { id: PanelTab; label: string; icon: string }[] = [
  { id: 'inspect', label: 'Inspect', icon: 'sliders' },
  { id: 'run', label: 'Test run', icon: 'flask' },
  { id: 'versions', label: 'Versions', icon: 'history' },
]

export function SidePanel({ onRunState }: { onRunState(state: Map<string, NodeRunStatus>): void }) {
  const { tab, setTab } = useEditorContext()
  return (
    <aside className="side-panel" aria-label="Details">
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} role="tab" aria-selected={tab === t.id} className={`tab${tab === t.id ? ' is-on' : ''}`} onClick={() => setTab(t.id)} data-testid={`tab-${t.id}`}>
            <Icon name={t.icon} size={14} /> {t.label}
          </button>
        ))}
      </div>
      <div className="side-panel-body" role="tabpanel">
        {tab === 'inspect' && <InspectTab />}
        <div hidden={tab !== 'run'}>
          <TestRunPanel onRunState={onRunState} />
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
