/**
 * A candidate model for one AI step, time-ordered: the reviewed answers are
 * put in the order they were given, never shuffled; the newest part (a fifth,
 * at least ten) is held out, the candidate learns from the step's own
 * examples and the older part, and both it and the model in force are
 * measured on the held-out part — which the model in force never saw either,
 * since it learned only from answers before the last candidate.
 */
import type { CandidateEvaluation } from '../../../node-types/api/learning-loop.js'
import type { Flow } from '../../../node-types/flow/schema.js'
import type { Json } from '../../../node-types/sdk/types.js'
import type { Engine } from '../../engine/engine.js'
import type { LabelledExample } from '../../ai/local/model-version.js'
import type { CaseRecord } from '../case-record.js'
import { datasetIdOf, saveDataset } from '../datasets.js'
import type { ReviewedAnswer } from '../reviewed-examples.js'
import { modelFigures } from './model-figures.js'

export interface CandidateInput {
  engine: Engine
  flow: Flow
  nodeId: string
  /** The step's own examples (from the flow). */
  base: readonly LabelledExample[]
  /** What the model in force learned from beyond them (its dataset), if retrained. */
  current: readonly LabelledExample[]
  answers: readonly ReviewedAnswer[]
  cases: readonly CaseRecord[]
  params: Record<string, Json>
  by: string
  at: string
}

/** How many of `total` time-ordered answers are held out. */
export function heldOutCount(total: number): number {
  return Math.min(total - 1, Math.max(10, Math.round(total * 0.2)))
}

const plain = (answers: readonly ReviewedAnswer[]): LabelledExample[] => answers.map(({ text, label }) => ({ text, label }))

/**
 * Train and measure a candidate, and store the answers it learned from as a dataset version.
 *
 * @example
 * const evaluation = await buildCandidate({ engine, flow, nodeId: 'score', base, current, answers, cases, params, by: 'learning-loop', at })
 * evaluation.candidate.accuracy > evaluation.current.accuracy
 */
export async function buildCandidate(input: CandidateInput): Promise<CandidateEvaluation | undefined> {
  const { answers } = input
  const held = heldOutCount(answers.length)
  if (held < 1 || answers.length - held < 1) return undefined
  const older = answers.slice(0, answers.length - held)
  const newer = answers.slice(answers.length - held)
  const heldOut = plain(newer)
  const runIds = new Set(newer.map((a) => a.runId))
  const cases = input.cases.filter((c) => runIds.has(c.runId))
  const shared = { engine: input.engine, flow: input.flow, nodeId: input.nodeId, heldOut, cases, params: input.params }
  const learned = plain(older)
  const datasetId = datasetIdOf(input.flow.id, input.nodeId, learned)
  const current = await modelFigures({ ...shared, examples: [...input.base, ...input.current], trainedOn: input.current.length })
  const candidate = await modelFigures({ ...shared, examples: [...input.base, ...learned], trainedOn: learned.length })
  await saveDataset(input.engine.deps.store, { id: datasetId, flowId: input.flow.id, nodeId: input.nodeId, examples: learned, createdAt: input.at, createdBy: input.by, runs: older.length })
  return { nodeId: input.nodeId, datasetId, answers: answers.length, heldOut: held, answersUpTo: answers.at(-1)!.at, splitAt: newer[0].at, current, candidate }
}
