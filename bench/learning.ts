/**
 * The learning loop on the three shipped datasets, in time order (file
 * order): each text becomes a run of its example flow, with every case sent
 * to a person (a cold start: thresholds at 1), who answers with the true
 * label. The AI step starts from the earliest two texts of each label only. The loop
 * proposes a candidate after every `retrainAfter` (50) new reviewed answers;
 * the bench plays the owner and approves a candidate only when its held-out
 * accuracy on the newest answers is at least the current model's. The curve
 * is measured on the last 40 texts of each dataset, which no model ever sees.
 *
 * Standalone: `node --import tsx bench/learning.ts`
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Flow } from '../node-types/flow/schema.js'
import type { Json, JsonObject } from '../node-types/sdk/types.js'
import { evaluateAccuracy, trainModel } from '../runtime/ai/local/training.js'
import { composeEngine } from '../runtime/compose.js'
import { decideTask, type Engine } from '../runtime/engine/index.js'
import { loadDataset } from '../runtime/learning/datasets.js'
import { createLearning, type Learning } from '../runtime/learning/index.js'
import { createLogger } from '../runtime/log.js'
import { createMemoryStore } from '../runtime/store/memory-store.js'

const root = join(import.meta.dirname, '..')

interface Example {
  text: string
  label: string
}

interface Setup {
  dataset: string
  flowId: string
  nodeId: string
  params: Record<string, number | string | boolean>
  answerLabels?: Record<string, string>
  input(text: string, i: number): JsonObject
  /** The decision and corrected fields a person gives for the true label. */
  decide(label: string): { decision: string; data?: JsonObject }
}

const SETUPS: Setup[] = [
  {
    dataset: 'loan-notes',
    flowId: 'loan-approval',
    nodeId: 'score',
    params: { autoApproveScore: 1 },
    answerLabels: { approve: 'good', reject: 'risky' },
    input: (note, i) => ({ applicant: `Applicant ${i}`, amount: 5000, note }),
    decide: (label) => ({ decision: label === 'good' ? 'approve' : 'reject' }),
  },
  {
    dataset: 'contract-clauses',
    flowId: 'legal-review',
    nodeId: 'classify',
    params: { autoAcceptConfidence: 1 },
    input: (clause, i) => ({ contract: `Contract ${i}`, clause }),
    decide: (label) => ({ decision: 'accept', data: { clauseType: label } }),
  },
  {
    dataset: 'support-tickets',
    flowId: 'support-feedback',
    nodeId: 'classify',
    params: { autoSendConfidence: 1 },
    input: (ticket, i) => ({ customer: `Customer ${i}`, email: `c${i}@example.com`, ticket }),
    decide: (label) => ({ decision: 'send', data: { category: label } }),
  },
]

export interface CurveStep {
  /** Reviewed answers given so far, and how many the model in force learned from. */
  answers: number
  trainedOn: number
  /** Accuracy of the model in force on the 40 texts no model sees. */
  testAccuracy: number
  decision: 'start' | 'approved' | 'rejected'
  /** The loop's own figures: the candidate and the model in force on the newest answers. */
  heldOut?: { candidate: number; current: number }
}

export interface LearningBench {
  dataset: string
  curve: CurveStep[]
  first: number
  last: number
  /** Approved steps after which the test accuracy dropped. */
  worseApprovals: number
}

/** The earliest two texts of each label: what a flow author might ship the step with. */
function seedOf(examples: Example[]): Example[] {
  const seen = new Map<string, number>()
  return examples.filter((e) => {
    const n = seen.get(e.label) ?? 0
    seen.set(e.label, n + 1)
    return n < 2
  })
}

async function benchDataset(setup: Setup): Promise<LearningBench> {
  const data: Example[] = readFileSync(join(root, 'examples/datasets', `${setup.dataset}.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
  const test = data.slice(160)
  const seed = seedOf(data.slice(0, 160))
  const stream = data.slice(0, 160).filter((e) => !seed.includes(e))
  const flow: Flow = JSON.parse(readFileSync(join(root, 'examples', `${setup.flowId}.flow.json`), 'utf8'))
  ;(flow.nodes.find((n) => n.id === setup.nodeId)!.config as { examples: Example[] }).examples = seed
  const store = createMemoryStore()
  let learning: Learning | undefined
  const { engine } = composeEngine({ store, secret: randomBytes(32), log: createLogger('silent'), onCommit: (s, e) => learning?.observe(s, e) })
  learning = createLearning(engine)
  await store.flows.saveDraft(flow.id, flow, 'bench')
  await store.flows.publish(flow.id, 'bench')
  await learning.parameters.save(flow.id, { values: setup.params, reason: 'review every case while the model learns', by: 'bench' })
  await learning.loop.saveSettings(flow.id, { retrainAfter: 50, answerLabels: setup.answerLabels ? { [setup.nodeId]: setup.answerLabels } : {} })
  await learning.cases.cases(flow.id)

  let inForce: Example[] = []
  const accuracy = () => evaluateAccuracy(trainModel([...seed, ...inForce]), test).accuracy
  const curve: CurveStep[] = [{ answers: 0, trainedOn: 0, testAccuracy: accuracy(), decision: 'start' }]
  let answers = 0
  let worseApprovals = 0
  for (const [i, example] of stream.entries()) {
    answers += await runAndReview(engine, learning, setup, setup.input(example.text, i), example.label)
    await learning.loop.idle(flow.id)
    const pending = (await learning.parameters.list(flow.id)).find((v) => v.status === 'pending' && v.candidate)
    if (!pending?.candidate) continue
    const { candidate, current } = pending.candidate
    const better = candidate.accuracy >= current.accuracy
    const before = curve.at(-1)!.testAccuracy
    if (better) {
      await learning.parameters.approve(flow.id, pending.version, 'bench-owner', 'not worse on the newest answers')
      inForce = [...((await loadDataset(store, flow.id, pending.candidate.datasetId))?.examples ?? [])]
    } else {
      await learning.parameters.reject(flow.id, pending.version, 'bench-owner', 'worse on the newest answers')
    }
    const testAccuracy = accuracy()
    if (better && testAccuracy < before) worseApprovals++
    curve.push({ answers, trainedOn: inForce.length, testAccuracy, decision: better ? 'approved' : 'rejected', heldOut: { candidate: candidate.accuracy, current: current.accuracy } })
  }
  return { dataset: setup.dataset, curve, first: curve[0].testAccuracy, last: curve.at(-1)!.testAccuracy, worseApprovals }
}

/** Start one case and answer its review with the true label; returns how many reviews were answered. */
async function runAndReview(engine: Engine, learning: Learning, setup: Setup, input: JsonObject, label: string): Promise<number> {
  const p = (await learning.parameters.forNewRun(setup.flowId))!
  const { state } = await engine.startRun({ flowId: setup.flowId, input, params: p.params, parametersVersion: p.parametersVersion })
  let answered = 0
  for (const task of Object.values(state.tasks)) {
    if (task.status !== 'open') continue
    const { decision, data } = setup.decide(label)
    await decideTask(engine, task.id, { decision, data, reason: 'checked the case', by: 'reviewer' })
    answered++
  }
  return answered
}

/**
 * @example
 * const results = await benchLearning()
 */
export async function benchLearning(): Promise<LearningBench[]> {
  const results: LearningBench[] = []
  for (const setup of SETUPS) {
    const r = await benchDataset(setup)
    results.push(r)
    const steps = r.curve.map((s) => `${s.answers} answers (learned ${s.trainedOn}): ${s.testAccuracy.toFixed(3)}${s.decision === 'start' ? '' : ` ${s.decision}${s.heldOut ? ` [newest: ${s.heldOut.candidate} vs ${s.heldOut.current}]` : ''}`}`)
    console.log(`learning curve, ${r.dataset}:\n  ${steps.join('\n  ')}`)
  }
  return results
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchLearning()
