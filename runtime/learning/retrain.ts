/**
 * Retrain a local AI step from reviewed answers. The reviewed examples become
 * an immutable dataset version; a new parameter version points the step at
 * it, so new runs use the new model while runs already under way keep the
 * parameters — and so the model — they started with. The usual approval
 * policy applies, and a rollback restores the previous model.
 */
import type { CompiledFlow } from '../engine/compile.js'
import type { Store } from '../engine/store.js'
import type { LabelledExample } from '../ai/local/model-version.js'
import { evaluateAccuracy, trainModel } from '../ai/local/training.js'
import { samplePoint } from '../../node-types/builtin/rule/sampling.js'
import type { CaseRecord } from './case-record.js'
import { datasetIdOf, loadDataset, saveDataset } from './datasets.js'
import { LearningError } from './errors.js'
import { reviewedExamples } from './reviewed-examples.js'

interface AiStepConfig {
  task: string
  provider: string
  text: string
  labels: string[]
  examples: LabelledExample[]
}

export interface RetrainInput {
  nodeId?: string
  /** Decisions or customer answers that mean a label, e.g. `{ "approve": "good", "reject": "risky" }`. */
  labels?: Record<string, string>
  by: string
  at: string
}

export interface RetrainPlan {
  nodeId: string
  datasetId: string
  modelVersion: string
  previousModelVersion: string
  examples: { base: number; reviewed: number; runs: number }
  /** Accuracy on the reviewed answers held out (a fixed 20% by text hash) before and after. */
  evaluation: { heldOut: number; before: number | null; after: number | null }
}

/** The one local classify/score step of the flow, or the named one, checked. */
function retrainableStep(compiled: CompiledFlow, nodeId: string | undefined): { nodeId: string; config: AiStepConfig } {
  const candidates = [...compiled.nodes.values()].filter((n) => n.def.type === 'ai-step' && (n.node.id === nodeId || nodeId === undefined))
  if (nodeId !== undefined && candidates.length === 0) throw new LearningError('NODE_NOT_FOUND', `flow '${compiled.flow.id}' has no AI step '${nodeId}'`)
  const fit = candidates.filter((n) => {
    const c = n.config as AiStepConfig
    return c.provider === 'local' && (c.task === 'classify' || c.task === 'score')
  })
  if (fit.length !== 1) {
    const why = fit.length === 0 ? 'has no AI step that classifies or scores with the local provider' : `has several (${fit.map((n) => n.node.id).join(', ')}); name one in "node"`
    throw new LearningError('NOT_RETRAINABLE', `flow '${compiled.flow.id}' ${nodeId ? `step '${nodeId}' cannot be retrained: it` : ''} ${why}`.replace(/\s+/g, ' '))
  }
  return { nodeId: fit[0].node.id, config: fit[0].config as AiStepConfig }
}

function accuracy(train: LabelledExample[], test: LabelledExample[]): number | null {
  if (test.length === 0) return null
  return Math.round(evaluateAccuracy(trainModel(train), test).accuracy * 1000) / 1000
}

/**
 * Build and store the dataset version; the caller publishes it as a parameter version.
 *
 * @example
 * const plan = await planRetraining(store, compiled, cases, { labels: { approve: 'good', reject: 'risky' }, by, at }, currentDatasets)
 */
export async function planRetraining(store: Store, compiled: CompiledFlow, cases: readonly CaseRecord[], input: RetrainInput, currentDatasets: Record<string, string>): Promise<RetrainPlan> {
  const flowId = compiled.flow.id
  const { nodeId, config } = retrainableStep(compiled, input.nodeId)
  const labels = new Set([...config.labels, ...config.examples.map((e) => e.label)])
  const { examples: reviewed, runs } = reviewedExamples(cases, { nodeId, textExpression: config.text, labels, answerLabels: input.labels ?? {} })
  if (reviewed.length === 0) {
    throw new LearningError('NO_REVIEWED_EXAMPLES', `no reviewed answers to learn from for step '${nodeId}': a reviewer's form field showing the AI's label, a decision named like a label (${[...labels].join(', ')}), or a "labels" map from decisions to labels is needed`)
  }
  const previous = currentDatasets[nodeId] ? await loadDataset(store, flowId, currentDatasets[nodeId]) : undefined
  const before = [...config.examples, ...(previous?.examples ?? [])]
  const heldOut = reviewed.filter((e) => samplePoint(e.text) < 0.2)
  const trainPart = reviewed.filter((e) => samplePoint(e.text) >= 0.2)
  const heldOutTexts = new Set(heldOut.map((e) => e.text))
  const datasetId = datasetIdOf(flowId, nodeId, reviewed)
  await saveDataset(store, { id: datasetId, flowId, nodeId, examples: reviewed, createdAt: input.at, createdBy: input.by, runs })
  return {
    nodeId,
    datasetId,
    modelVersion: trainModel([...config.examples, ...reviewed]).version,
    previousModelVersion: trainModel(before).version,
    examples: { base: config.examples.length, reviewed: reviewed.length, runs },
    evaluation: { heldOut: heldOut.length, before: accuracy(before.filter((e) => !heldOutTexts.has(e.text)), heldOut), after: accuracy([...config.examples, ...trainPart], heldOut) },
  }
}
