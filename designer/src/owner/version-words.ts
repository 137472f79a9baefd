/** A parameter version described in words: its state and what it changed against the one before. */
import type { ParameterDefinition, ParameterVersion, ParamValue } from '../api/learning-types'
import { formatValue } from './param-values'

export function statusOf(v: ParameterVersion, currentVersion: number | undefined): { text: string; tone: string } {
  if (v.version === currentVersion) return { text: 'In force', tone: 'chip-success' }
  switch (v.status) {
    case 'pending':
      return { text: 'Waiting for approval', tone: 'chip-warning' }
    case 'rejected':
      return { text: 'Rejected', tone: '' }
    case 'superseded':
      return { text: 'Replaced before approval', tone: '' }
    default:
      return { text: 'Earlier', tone: '' }
  }
}

export function kindOf(v: ParameterVersion): string {
  if (v.kind === 'rollback') return `Back to version ${v.rollbackOf}`
  if (v.kind === 'retrain') return `AI retrained (${Object.keys(v.datasets).join(', ')})`
  return 'Change'
}

/** A parameter's value in a version; a version without it uses the flow's own value. */
export function valueIn(v: Pick<ParameterVersion, 'values'> | undefined, d: ParameterDefinition): ParamValue {
  return v?.values[d.name] ?? d.default
}

/** "Approve automatically from score: 0.80 → 0.70" for each value of `v` that differs from `before` (the flow's own values when none). */
export function differences(defs: ParameterDefinition[], v: ParameterVersion, before: ParameterVersion | undefined): string[] {
  return defs.filter((d) => valueIn(v, d) !== valueIn(before, d)).map((d) => `${d.label}: ${formatValue(d, valueIn(before, d))} → ${formatValue(d, valueIn(v, d))}`)
}
