/**
 * The inspector for one selected node: its label and id, the form
 * generated from its type's config schema, and its problems. Config edits
 * keep edges attached when a port is renamed.
 */
import { useCallback, useMemo } from 'react'
import type { FlowNode } from '../../../../node-types/flow/schema'
import { Icon } from '../../ui/Icon'
import { ProblemList } from '../../ui/ProblemList'
import { useEditorContext, useEditorState } from '../EditorContext'
import { nodeInfo, paramValues } from '../graph/node-info'
import { flowOf } from '../store/editor-store'
import { followRenamedPort, removeElements, updateNode } from '../store/flow-edits'
import { NodeIdentity } from './NodeIdentity'
import { setIn, type JsonSchema, type Path } from './json-schema'
import { SchemaForm } from './SchemaForm'
import { expressionVariables } from './scope'

export function NodeInspector({ node }: { node: FlowNode }) {
  const { store, types, problems } = useEditorContext()
  const flow = useEditorState(flowOf)
  const desc = types.get(node.type)
  const fieldProblems = problems.byField.get(node.id)
  const scope = useMemo(() => expressionVariables(flow, node.id), [flow.input, flow.nodes, flow.edges, flow.parameters, node.id])
  const nodeProblems = (problems.byNode.get(node.id) ?? []).filter((p) => !/\.config[.[]/.test(p.path))

  const onChange = useCallback(
    (path: Path, value: unknown) => {
      store.dispatch({
        type: 'edit',
        key: `config:${node.id}:${path.join('.')}`,
        edit: (f) => {
          const current = f.nodes.find((n) => n.id === node.id)
          if (!current) return f
          const config = setIn(current.config ?? {}, path, value) as Record<string, unknown>
          const params = paramValues(f)
          const before = nodeInfo(current, desc, params).ports
          const after = nodeInfo({ ...current, config }, desc, params).ports
          return followRenamedPort(updateNode(f, node.id, { config }), node.id, before, after)
        },
      })
    },
    [store, node.id, desc],
  )

  return (
    <div className="inspector" data-testid="node-inspector" data-node-id={node.id}>
      <header className="inspector-head" style={{ '--accent': desc?.color ?? '#94a3b8' } as React.CSSProperties}>
        <span className="inspector-icon">
          <Icon name={desc?.icon ?? 'box'} size={18} />
        </span>
        <div>
          <h2>{desc?.title ?? `Unknown type “${node.type}”`}</h2>
          <p className="muted small">{desc?.description ?? 'This type is not installed on the server. Its config is kept as it is.'}</p>
        </div>
      </header>
      {nodeProblems.length > 0 && (
        <div className="inspector-problems">
          <ProblemList problems={nodeProblems} />
        </div>
      )}
      <NodeIdentity node={node} />
      <div className="inspector-section">
        <h3 className="section-title">Settings</h3>
        {desc ? (
          <SchemaForm
            schema={desc.configSchema as JsonSchema}
            value={node.config ?? {}}
            onChange={onChange}
            problems={fieldProblems}
            parameters={flow.parameters}
            scope={scope}
            idPrefix={`cfg-${node.id}`}
          />
        ) : (
          <pre className="code-block">{JSON.stringify(node.config, null, 2)}</pre>
        )}
      </div>
      <div className="inspector-footer">
        <button className="button button-danger-quiet" onClick={() => store.dispatch({ type: 'edit', edit: (f) => removeElements(f, [node.id]) })}>
          <Icon name="trash" /> Delete step
        </button>
      </div>
    </div>
  )
}
