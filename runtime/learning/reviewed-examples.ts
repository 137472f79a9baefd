/**
 * Labelled examples from reviewed answers: for an AI step that classifies,
 * the text it saw and the label a person settled on. Only cases a person
 * decided count — automatic outcomes would teach the model its own guesses.
 */
import { compileExpression } from '../../node-types/expr/cel.js'
import type { Json, JsonObject } from '../../node-types/sdk/types.js'
import type { LabelledExample } from '../ai/local/model-version.js'
import type { CaseRecord, CaseTask } from './case-record.js'

export interface LabelSource {
  /** The AI step whose answers are being corrected. */
  nodeId: string
  /** Its `text` expression, to recover the text it classified. */
  textExpression: string
  /** Labels the step knows. */
  labels: ReadonlySet<string>
  /** A decision or customer answer that means a label, e.g. `{ approve: 'good', reject: 'risky' }`. */
  answerLabels: Record<string, string>
}

/**
 * The label a decision settles on: a form field that showed the AI's label
 * (corrected or confirmed), else a mapped decision, else a decision named
 * like a label.
 */
function labelOfTask(task: CaseTask, aiLabel: Json | undefined, source: LabelSource): string | undefined {
  const d = task.decision!
  for (const [field, shown] of Object.entries(task.form)) {
    if (typeof aiLabel !== 'string' || shown !== aiLabel) continue
    const final = d.data[field]
    if (typeof final === 'string' && source.labels.has(final)) return final
  }
  const mapped = source.answerLabels[d.decision]
  if (mapped && source.labels.has(mapped)) return mapped
  return source.labels.has(d.decision) ? d.decision : undefined
}

function textOf(c: CaseRecord, expression: string): string {
  const nodes: Record<string, JsonObject> = {}
  for (const [id, visit] of Object.entries(c.visits)) nodes[id] = visit.output
  const value = compileExpression(expression)({ input: c.input, nodes, params: c.params })
  return typeof value === 'string' ? value : JSON.stringify(value ?? '')
}

/** A reviewed example with the time the person settled on it. */
export interface ReviewedAnswer extends LabelledExample {
  /** When the answer that settled the label was given (ISO). */
  at: string
  /** The run it came from. */
  runId: string
}

/**
 * The reviewed answers, oldest first by when they were given; a text is one
 * example, its latest answer wins.
 *
 * @example
 * reviewedAnswers(cases, { nodeId: 'classify', textExpression: 'input.clause', labels, answerLabels: {} })
 * // → [{ text: 'The supplier shall not be liable…', label: 'liability', at: '2026-01-05T10:12:00.000Z' }, ...]
 */
export function reviewedAnswers(cases: readonly CaseRecord[], source: LabelSource): { answers: ReviewedAnswer[]; runs: number } {
  const byText = new Map<string, ReviewedAnswer>()
  let runs = 0
  for (const c of cases) {
    const visit = c.visits[source.nodeId]
    if (!visit || visit.port === 'error') continue
    let settled: { label: string; at: string } | undefined
    for (const task of c.tasks) {
      if (!task.decision || !task.aiBefore.includes(source.nodeId)) continue
      const label = labelOfTask(task, visit.output.label, source)
      if (label !== undefined) settled = { label, at: task.decision.at }
    }
    for (const request of c.requests) {
      const mapped = request.answer && request.aiBefore.includes(source.nodeId) ? source.answerLabels[request.answer.answer] : undefined
      if (mapped && source.labels.has(mapped)) settled = { label: mapped, at: request.answer!.at }
    }
    if (settled === undefined) continue
    let text: string
    try {
      text = textOf(c, source.textExpression)
    } catch {
      continue
    }
    if (!text.trim()) continue
    const previous = byText.get(text)
    if (!previous || previous.at <= settled.at) byText.set(text, { text, ...settled, runId: c.runId })
    runs++
  }
  return { answers: [...byText.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)), runs }
}

/**
 * @example
 * reviewedExamples(cases, { nodeId: 'classify', textExpression: 'input.clause', labels, answerLabels: {} })
 * // → [{ text: 'The supplier shall not be liable…', label: 'liability' }, ...]
 */
export function reviewedExamples(cases: readonly CaseRecord[], source: LabelSource): { examples: LabelledExample[]; runs: number } {
  const { answers, runs } = reviewedAnswers(cases, source)
  return { examples: answers.map(({ text, label }) => ({ text, label })), runs }
}
