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

/**
 * @example
 * reviewedExamples(cases, { nodeId: 'classify', textExpression: 'input.clause', labels, answerLabels: {} })
 * // → [{ text: 'The supplier shall not be liable…', label: 'liability' }, ...]
 */
export function reviewedExamples(cases: readonly CaseRecord[], source: LabelSource): { examples: LabelledExample[]; runs: number } {
  const byText = new Map<string, LabelledExample>()
  let runs = 0
  for (const c of cases) {
    const visit = c.visits[source.nodeId]
    if (!visit || visit.port === 'error') continue
    let label: string | undefined
    for (const task of c.tasks) {
      if (task.decision && task.aiBefore.includes(source.nodeId)) label = labelOfTask(task, visit.output.label, source) ?? label
    }
    for (const request of c.requests) {
      const mapped = request.answer && request.aiBefore.includes(source.nodeId) ? source.answerLabels[request.answer.answer] : undefined
      if (mapped && source.labels.has(mapped)) label = mapped
    }
    if (label === undefined) continue
    let text: string
    try {
      text = textOf(c, source.textExpression)
    } catch {
      continue
    }
    if (!text.trim()) continue
    // The latest answer on the same text wins; a text is one example.
    byText.delete(text)
    byText.set(text, { text, label })
    runs++
  }
  return { examples: [...byText.values()], runs }
}
