/**
 * Check an owner's parameter values against the flow's declarations: known
 * names, the declared type, whole numbers for integers, min/max, and ISO
 * durations. Every problem is reported at once, each with its parameter.
 */
import { isDuration } from '../../node-types/expr/duration.js'
import type { FlowParameter } from '../../node-types/flow/schema.js'
import type { Json } from '../../node-types/sdk/types.js'
import { LearningError } from '../learning/errors.js'

export interface ValueProblem {
  parameter: string
  message: string
}

function problemOf(p: FlowParameter, value: Json): string | undefined {
  switch (p.type) {
    case 'number':
    case 'integer':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `must be a number`
      if (p.type === 'integer' && !Number.isInteger(value)) return `must be a whole number`
      if (p.min !== undefined && value < p.min) return `must be at least ${p.min}${p.unit ? ` ${p.unit}` : ''}`
      if (p.max !== undefined && value > p.max) return `must be at most ${p.max}${p.unit ? ` ${p.unit}` : ''}`
      return undefined
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false'
    case 'duration':
      return typeof value === 'string' && isDuration(value) ? undefined : 'must be an ISO 8601 duration such as P2D or PT4H'
    default:
      return typeof value === 'string' ? undefined : 'must be text'
  }
}

/**
 * Throws PARAMETER_UNKNOWN or PARAMETER_INVALID with every problem.
 *
 * @example
 * checkValues(flow.parameters, { autoApproveScore: 1.5 })
 * // throws: autoApproveScore (Approve automatically from score) must be at most 1
 */
export function checkValues(declared: readonly FlowParameter[], values: Record<string, Json>): void {
  const byName = new Map(declared.map((p) => [p.name, p]))
  const unknown = Object.keys(values).filter((name) => !byName.has(name))
  if (unknown.length > 0) {
    const known = declared.map((p) => p.name).join(', ') || 'none'
    throw new LearningError('PARAMETER_UNKNOWN', `the flow has no parameter ${unknown.map((n) => `'${n}'`).join(', ')}; its parameters are: ${known}`, { unknown })
  }
  const problems: ValueProblem[] = []
  for (const [name, value] of Object.entries(values)) {
    const p = byName.get(name)!
    const message = problemOf(p, value)
    if (message) problems.push({ parameter: name, message: `${name} (${p.label}) ${message}` })
  }
  if (problems.length > 0) throw new LearningError('PARAMETER_INVALID', problems.map((p) => p.message).join('; '), { problems })
}
