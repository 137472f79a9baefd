/**
 * Shown when nothing is selected: the flow's problems (publishing waits
 * until there are none), then its name, description, input fields and
 * parameters.
 */
import type { Problem } from '../../api/types'
import { ProblemList } from '../../ui/ProblemList'
import { useEditorContext, useEditorState } from '../EditorContext'
import { parsePath } from '../graph/problem-index'
import { flowOf } from '../store/editor-store'
import { updateFlowMeta } from '../store/flow-edits'
import { InputSchemaEditor } from './InputSchemaEditor'
import { ParametersEditor } from './ParametersEditor'

export function FlowSettings() {
  const { store, problems, canvas, validating } = useEditorContext()
  const flow = useEditorState(flowOf)
  const edit = (patch: Parameters<typeof updateFlowMeta>[1], key: string) => store.dispatch({ type: 'edit', key, edit: (f) => updateFlowMeta(f, patch) })
  const pick = (p: Problem) => {
    const [head, at] = parsePath(p.path)
    if (head === 'nodes' && typeof at === 'number' && flow.nodes[at]) canvas.focusNode(flow.nodes[at].id)
    if (head === 'edges' && typeof at === 'number' && flow.edges[at]) store.dispatch({ type: 'select', selection: { nodes: [], edges: [flow.edges[at].id] } })
  }
  return (
    <div className="inspector" data-testid="flow-settings">
      <section className="inspector-section">
        {problems.all.length > 0 ? (
          <>
            <h3 className="section-title section-title-bad">
              {problems.all.length} problem{problems.all.length === 1 ? '' : 's'} · publishing is blocked
            </h3>
            <ProblemList problems={problems.all} onPick={pick} testId="flow-problems" />
          </>
        ) : (
          <p className="ok-line">{validating ? 'Checking the flow…' : 'The flow is valid and can be published.'}</p>
        )}
      </section>
      <section className="inspector-section">
        <h3 className="section-title">Flow</h3>
        <label className="field">
          <span className="field-label">Name</span>
          <input className="input" data-testid="flow-name-input" value={flow.name} onChange={(e) => edit({ name: e.target.value }, 'flow:name')} />
        </label>
        <label className="field">
          <span className="field-label">Description</span>
          <textarea className="input" rows={3} value={flow.description} placeholder="What this flow decides, and for whom" onChange={(e) => edit({ description: e.target.value }, 'flow:description')} />
        </label>
        <p className="field-help">Id: <code>{flow.id}</code></p>
      </section>
      <section className="inspector-section">
        <h3 className="section-title">Input</h3>
        <p className="field-help">What every run starts with. Expressions read it as input.&lt;field&gt;.</p>
        <InputSchemaEditor input={flow.input} onChange={(input, key) => edit({ input }, key)} />
      </section>
      <section className="inspector-section">
        <h3 className="section-title">Parameters</h3>
        <ParametersEditor parameters={flow.parameters} problems={problems.settings} onChange={(parameters, key) => edit({ parameters }, key)} />
      </section>
    </div>
  )
}
