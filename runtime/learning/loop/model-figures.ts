/**
 * How good a model is on reviewed answers it never learned from: accuracy,
 * calibration error, and — replaying those cases through the published flow
 * with the model answering the step, at the parameters in force — how many
 * the flow would finish without a person, and how many of those it would
 * finish otherwise than the person did.
 */
import type { ModelFigures } from '../../../node-types/api/learning-loop.js'
import type { Flow } from '../../../node-types/flow/schema.js'
import type { Json } from '../../../node-types/sdk/types.js'
import type { Engine } from '../../engine/engine.js'
import type { LabelledExample } from '../../ai/local/model-version.js'
import { trainModel } from '../../ai/local/training.js'
import type { CaseRecord } from '../case-record.js'
import { replayCase } from '../replay/replay-case.js'
import { planReplay } from '../replay/replay-plan.js'

const round = (n: number) => Math.round(n * 1000) / 1000

/**
 * Expected calibration error over ten equal bands of confidence.
 *
 * @example
 * calibrationError([{ confidence: 0.9, correct: true }, { confidence: 0.9, correct: false }]) // 0.4
 */
export function calibrationError(points: readonly { confidence: number; correct: boolean }[]): number {
  const bands = Array.from({ length: 10 }, () => ({ n: 0, correct: 0, confidence: 0 }))
  for (const p of points) {
    const band = bands[Math.min(9, Math.max(0, Math.floor(p.confidence * 10)))]
    band.n++
    band.confidence += p.confidence
    if (p.correct) band.correct++
  }
  let gap = 0
  for (const b of bands) if (b.n > 0) gap += (b.n / points.length) * Math.abs(b.correct / b.n - b.confidence / b.n)
  return points.length ? round(gap) : 0
}

export interface FiguresInput {
  engine: Engine
  flow: Flow
  nodeId: string
  /** Everything the model learns from: the step's own examples and reviewed answers. */
  examples: readonly LabelledExample[]
  trainedOn: number
  heldOut: readonly LabelledExample[]
  /** The held-out answers' cases, to replay. */
  cases: readonly CaseRecord[]
  /** The parameter values in force. */
  params: Record<string, Json>
}

export async function modelFigures(input: FiguresInput): Promise<ModelFigures> {
  const model = trainModel(input.examples)
  const points = input.heldOut.map((e) => {
    const p = model.predict(e.text)
    return { confidence: p.confidence, correct: p.label === e.label }
  })
  const examples = [...input.examples]
  const { engine } = input
  const plan = await planReplay(input.flow, input.cases, {
    registry: engine.deps.registry,
    compiledFor: (version, params) => engine.compiledFor(input.flow.id, version, params),
    localAi: engine.deps.ai,
    ownerValuesOf: () => input.params,
    answerAi: (nodeId, request, c) => {
      if (nodeId !== input.nodeId) return undefined
      const { dataset: _dataset, flowId: _flowId, ...options } = request.options ?? {}
      return engine.deps.ai.run({ ...request, examples, options: { ...options, referenceDate: c.startedAt } })
    },
  })
  let automated = 0
  let errors = 0
  for (const c of input.cases) {
    const r = await replayCase(plan, c)
    if (r.kind !== 'ended' || r.asked > 0) continue
    automated++
    const ended = r.ending.status === 'failed' ? 'failed' : r.ending.outcome
    const recorded = c.status === 'failed' ? 'failed' : c.outcome
    if (ended !== recorded) errors++
  }
  return {
    modelVersion: model.version,
    trainedOn: input.trainedOn,
    accuracy: round(points.filter((p) => p.correct).length / Math.max(1, points.length)),
    calibrationError: calibrationError(points),
    automationRate: round(automated / Math.max(1, input.cases.length)),
    expectedErrors: errors,
  }
}
