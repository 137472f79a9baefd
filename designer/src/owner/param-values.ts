/**
 * Parameter values in plain words and back: a number with its unit and the
 * decimals its step allows, yes/no, and ISO durations as an amount and a
 * unit ("2 days" ⇄ P2D) so nobody has to type ISO 8601.
 */
import type { ParameterDefinition, ParamValue } from '../api/learning-types'
import { describeDuration } from '../ui/format'

/** Decimals a step implies: 0.01 → 2, 1000 → 0. */
export function decimalsOf(step: number | undefined): number {
  if (!step || Number.isInteger(step)) return 0
  return Math.min(6, (String(step).split('.')[1] ?? '').length)
}

export function formatValue(def: ParameterDefinition, value: ParamValue): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number') {
    const digits = decimalsOf(def.step ?? (def.type === 'integer' ? 1 : undefined))
    const text = value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: Math.max(digits, 2) })
    return def.unit ? (def.unit === '%' ? `${text}%` : `${text} ${def.unit}`) : text
  }
  if (def.type === 'duration') return describeDuration(value) || value
  return value === '' ? '(empty)' : value
}

export const DURATION_UNITS = [
  { unit: 'minutes', iso: (n: number) => `PT${n}M`, seconds: 60 },
  { unit: 'hours', iso: (n: number) => `PT${n}H`, seconds: 3600 },
  { unit: 'days', iso: (n: number) => `P${n}D`, seconds: 86_400 },
  { unit: 'weeks', iso: (n: number) => `P${n}W`, seconds: 604_800 },
] as const

export type DurationUnit = (typeof DURATION_UNITS)[number]['unit']

/** "P2D" → { amount: 2, unit: 'days' }; a mixed one ("PT4H30M") in its largest whole unit; undefined when not a simple duration. */
export function splitDuration(iso: string): { amount: number; unit: DurationUnit } | undefined {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(iso)
  if (!m || iso === 'P' || iso.endsWith('T')) return undefined
  const [w, d, h, min] = m.slice(1).map((v) => Number(v ?? 0))
  const seconds = w * 604_800 + d * 86_400 + h * 3600 + min * 60
  for (const u of [...DURATION_UNITS].reverse()) {
    if (seconds > 0 && seconds % u.seconds === 0) return { amount: seconds / u.seconds, unit: u.unit }
  }
  return { amount: 0, unit: 'hours' }
}

export function joinDuration(amount: number, unit: DurationUnit): string {
  return DURATION_UNITS.find((u) => u.unit === unit)!.iso(Math.max(0, Math.round(amount)))
}

/** The values in `draft` that differ from `current`. */
export function changedValues(draft: Record<string, ParamValue>, current: Record<string, ParamValue>): Record<string, ParamValue> {
  return Object.fromEntries(Object.entries(draft).filter(([name, v]) => current[name] !== v))
}
