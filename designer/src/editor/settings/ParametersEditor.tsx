/**
 * The flow's parameters: named values (thresholds, amounts, durations) a
 * business owner may change without touching the graph. Nodes bind to them
 * with `{ "$param": name }` or use `params.name` in expressions.
 */
import type { FlowParameter } from '../../../../node-types/flow/schema'
import type { Problem } from '../../api/types'
import { Icon } from '../../ui/Icon'
import { ParameterCard } from './ParameterCard'

export function ParametersEditor({ parameters, problems, onChange }: { parameters: FlowParameter[]; problems: Map<string, Problem[]>; onChange(next: FlowParameter[], key: string): void }) {
  const add = () => {
    const taken = new Set(parameters.map((p) => p.name))
    let n = parameters.length + 1
    while (taken.has(`threshold${n}`)) n++
    onChange([...parameters, { name: `threshold${n}`, label: `Threshold ${n}`, type: 'number', value: 0.5, min: 0, max: 1, step: 0.01 }], 'params:add')
  }
  return (
    <div className="parameters" data-testid="parameters">
      {parameters.length === 0 && <p className="muted small">No parameters. Add one for each value a business owner should be able to tune — a score threshold, an amount, a deadline.</p>}
      {parameters.map((p, i) => (
        <ParameterCard
          key={i}
          index={i}
          parameter={p}
          problems={problems}
          onChange={(next) => onChange(parameters.map((q, j) => (j === i ? next : q)), `params:${i}`)}
          onRemove={() => onChange(parameters.filter((_, j) => j !== i), `params:remove`)}
        />
      ))}
      <button type="button" className="button button-small" onClick={add}>
        <Icon name="plus" size={14} /> Add parameter
      </button>
    </div>
  )
}
