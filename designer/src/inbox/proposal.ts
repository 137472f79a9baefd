/**
 * Reads what the AI proposed out of a task's `show`: the proposal, the
 * number that backs it (a confidence, else a score), other AI-labelled
 * values, whole AI-step outputs, and what is left — the inputs it saw.
 * `show` is whatever the flow's designer chose, so this goes by shape and
 * label, and falls back to showing everything as input.
 */
import { humanize } from '../ui/format'
export interface AiSignal {
  label: string
  value: number
  kind: 'confidence' | 'score'
}

export interface AiOutput {
  step: string
  label?: string
  value?: unknown
  confidence: number
  model?: string
}

export interface ProposalView {
  proposed?: string
  signal?: AiSignal
  /** Values the flow labels as the AI's ("Category (AI)", "AI clause type"). */
  aiValues: [string, unknown][]
  outputs: AiOutput[]
  inputs: [string, unknown][]
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isUnit = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function asOutput(step: string, v: unknown): AiOutput | undefined {
  if (!isRecord(v) || !isUnit(v.confidence) || !('model' in v || 'task' in v)) return undefined
  return { step, label: typeof v.label === 'string' ? v.label : undefined, value: v.value, confidence: v.confidence, model: typeof v.modelVersion === 'string' ? v.modelVersion : typeof v.model === 'string' ? v.model : undefined }
}

export function readProposal(show: Record<string, unknown>, proposedDecision?: string): ProposalView {
  const view: ProposalView = { proposed: proposedDecision, aiValues: [], outputs: [], inputs: [] }
  let score: AiSignal | undefined
  for (const [key, value] of Object.entries(show)) {
    const output = asOutput(key, value)
    if (output) view.outputs.push(output)
    else if (/confidence/i.test(key) && isUnit(value)) view.signal ??= { label: key, value, kind: 'confidence' }
    else if (/score/i.test(key) && isUnit(value)) score ??= { label: key, value, kind: 'score' }
    else if (/\(AI\)|\bAI\b/.test(key) && !isRecord(value)) view.aiValues.push([key, value])
    // The default view's whole run input reads as the case's own fields, not one nested "Input" row.
    else if (key === 'input' && isRecord(value)) view.inputs.push(...Object.entries(value))
    else if (!(key === 'start' && sameJson(value, show.input))) view.inputs.push([key, value])
  }
  const last = view.outputs[view.outputs.length - 1]
  view.signal ??= score ?? (last && { label: `${humanize(last.step)} confidence`, value: last.confidence, kind: 'confidence' })
  return view
}

/** "High" from 0.8, "Medium" from 0.5, else "Low": said in words so colour is never the only cue. */
export function confidenceBand(value: number): 'High' | 'Medium' | 'Low' {
  return value >= 0.8 ? 'High' : value >= 0.5 ? 'Medium' : 'Low'
}

export const percent = (value: number): string => `${Math.round(value * 100)}%`

/** True when the task carries anything of the AI's: a proposal, a confidence or score, AI values or outputs. */
export function hasAi(view: ProposalView): boolean {
  return !!view.proposed || !!view.signal || view.aiValues.length > 0 || view.outputs.length > 0
}
