/**
 * The decision form's rules, as pure functions: labels and keys for the
 * decision buttons, which fields the reviewer changed (the corrections sent
 * and shown as "was X"), and when a reason is required.
 */
import type { TaskField } from '../api/types'
import { humanize } from '../ui/format'

/** A field as typed in the form: numbers stay text until sent, so "1." can be typed. */
export type Draft = Record<string, string | boolean>

export interface DecisionKey {
  decision: string
  label: string
  number: number
  letter?: string
}

/** Letters the pages use for something else. */
const RESERVED = new Set(['c', 'j', 'k', 'g', 'u'])

export function decisionKeys(decisions: string[], labels: Record<string, string> = {}): DecisionKey[] {
  const firsts = decisions.map((d) => d.charAt(0).toLowerCase())
  return decisions.map((decision, i) => {
    const letter = firsts[i]
    const unique = firsts.indexOf(letter) === firsts.lastIndexOf(letter) && /[a-z]/.test(letter) && !RESERVED.has(letter)
    return { decision, label: labels[decision] ?? humanize(decision), number: i + 1, letter: unique ? letter : undefined }
  })
}

export function draftOf(form: TaskField[]): Draft {
  const draft: Draft = {}
  for (const f of form) draft[f.name] = f.type === 'boolean' ? f.value === true : f.value === null || f.value === undefined ? '' : String(f.value)
  return draft
}

/** The value to send for a field, or an error to show under it. */
export function parseField(field: TaskField, raw: string | boolean): { value: unknown } | { error: string } {
  if (field.type === 'boolean') return { value: raw === true }
  const text = String(raw)
  if (field.type !== 'number') return { value: text }
  if (text.trim() === '') return { error: 'Enter a number.' }
  const n = Number(text)
  return Number.isFinite(n) ? { value: n } : { error: 'Enter a number, e.g. 1200 or 0.5.' }
}

export interface Corrections {
  /** Only the changed fields, as the server takes them. */
  data: Record<string, unknown>
  errors: Record<string, string>
}

export function corrections(form: TaskField[], draft: Draft): Corrections {
  const out: Corrections = { data: {}, errors: {} }
  for (const field of form) {
    if (!(field.name in draft) || !isChanged(field, draft[field.name])) continue
    const parsed = parseField(field, draft[field.name])
    if ('error' in parsed) out.errors[field.name] = parsed.error
    else out.data[field.name] = parsed.value
  }
  return out
}

export function isChanged(field: TaskField, raw: string | boolean): boolean {
  if (field.type !== 'number') return draftOf([field])[field.name] !== raw
  const text = String(raw).trim()
  if (text === '') return field.value !== null && field.value !== undefined
  return Number(text) !== field.value
}

export function needsReason(proposed: string | undefined, decision: string): boolean {
  return proposed !== undefined && decision !== proposed
}

/** A field's original value as a reviewer reads it: "empty" rather than nothing. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'empty'
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return String(value)
}
