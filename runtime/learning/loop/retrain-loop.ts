/**
 * The learning loop, closed: after reviewers and customers answer, each local
 * AI step that classifies or scores is looked at; once `retrainAfter` new
 * reviewed answers exist (since its last candidate), a candidate model is
 * trained on the older answers, measured against the model in force on the
 * newer ones, and proposed as a pending parameter version with those figures.
 * Nothing changes until an owner approves it.
 */
import type { CurvePoint, LearningOverview, LearningSettings } from '../../../node-types/api/learning-loop.js'
import type { Json, Logger } from '../../../node-types/sdk/types.js'
import type { CompiledFlow } from '../../engine/compile.js'
import type { Engine } from '../../engine/engine.js'
import type { RunEvent } from '../../engine/events.js'
import type { RunState } from '../../engine/state.js'
import type { ParameterService } from '../../parameters/parameter-service.js'
import type { ParameterVersion } from '../../parameters/parameter-versions.js'
import type { LabelledExample } from '../../ai/local/model-version.js'
import type { CaseIndex } from '../case-index.js'
import type { CaseRecord } from '../case-record.js'
import { loadDataset } from '../datasets.js'
import { ownerValues } from '../learning-service.js'
import { reviewedAnswers, type ReviewedAnswer } from '../reviewed-examples.js'
import { buildCandidate } from './candidate.js'
import { loadSettings, saveSettings } from './settings.js'

export const LOOP_ACTOR = 'learning-loop'

interface StepConfig {
  task: string
  provider: string
  text: string
  labels: string[]
  examples: LabelledExample[]
}

/** The local AI steps that classify or score: the ones a candidate model can replace. */
function learningSteps(compiled: CompiledFlow): { nodeId: string; config: StepConfig }[] {
  return [...compiled.nodes.values()]
    .filter((n) => n.def.type === 'ai-step')
    .map((n) => ({ nodeId: n.node.id, config: n.config as StepConfig }))
    .filter(({ config }) => config.provider === 'local' && (config.task === 'classify' || config.task === 'score'))
}

/** When the step's last candidate (or hand retraining) looked at answers up to. */
function lastLookedAt(versions: readonly ParameterVersion[], nodeId: string): string {
  let last = ''
  for (const v of versions) {
    const upTo = v.candidate ? (v.candidate.nodeId === nodeId ? v.candidate.answersUpTo : '') : v.kind === 'retrain' && v.datasets[nodeId] ? v.createdAt : ''
    if (upTo > last) last = upTo
  }
  return last
}

function curveOf(versions: readonly ParameterVersion[], nodeId: string): CurvePoint[] {
  return versions.flatMap((v) => {
    const c = v.candidate
    if (!c || c.nodeId !== nodeId) return []
    return [{ parameterVersion: v.version, status: v.status, at: v.createdAt, trainedOn: c.candidate.trainedOn, accuracy: c.candidate.accuracy, currentAccuracy: c.current.accuracy, currentTrainedOn: c.current.trainedOn, heldOut: c.heldOut }]
  })
}

export type RetrainLoop = ReturnType<typeof createRetrainLoop>

export function createRetrainLoop(engine: Engine, cases: CaseIndex, parameters: ParameterService, now: () => Date, log: Logger) {
  const store = engine.deps.store
  const running = new Map<string, Promise<unknown>>()

  async function stepsOf(flowId: string, settings: LearningSettings) {
    const e = await parameters.effective(flowId)
    const compiled = await engine.compiledFor(flowId, e.flowVersion)
    const all = await cases.cases(flowId)
    return {
      e,
      compiled,
      all,
      steps: learningSteps(compiled).map(({ nodeId, config }) => {
        const labels = new Set([...config.labels, ...config.examples.map((x) => x.label)])
        const { answers } = reviewedAnswers(all, { nodeId, textExpression: config.text, labels, answerLabels: settings.answerLabels[nodeId] ?? {} })
        const since = lastLookedAt(e.record.versions, nodeId)
        return { nodeId, config, answers, newAnswers: answers.filter((a) => a.at > since).length }
      }),
    }
  }

  async function propose(flowId: string, step: { nodeId: string; config: StepConfig; answers: ReviewedAnswer[] }, ctx: { compiled: CompiledFlow; all: CaseRecord[]; params: Record<string, Json>; datasets: Record<string, string> }) {
    const datasetId = ctx.datasets[step.nodeId]
    const current = datasetId ? ((await loadDataset(store, flowId, datasetId))?.examples ?? []) : []
    const at = now().toISOString()
    const evaluation = await buildCandidate({ engine, flow: ctx.compiled.flow, nodeId: step.nodeId, base: step.config.examples, current, answers: step.answers, cases: ctx.all, params: ctx.params, by: LOOP_ACTOR, at })
    if (!evaluation) return undefined
    const { candidate: cand, current: cur } = evaluation
    const reason = `learned from ${cand.trainedOn} reviewed answers; on the ${evaluation.heldOut} newest: accuracy ${cand.accuracy} (now ${cur.accuracy}), calibration error ${cand.calibrationError} (now ${cur.calibrationError})`
    return parameters.proposeCandidate(flowId, { evaluation, reason, by: LOOP_ACTOR })
  }

  /** Look at every learning step of the flow now; propose where enough new answers wait. */
  async function check(flowId: string): Promise<ParameterVersion[]> {
    const settings = await loadSettings(store, flowId)
    if (!settings.autoRetrain) return []
    const { e, compiled, all, steps } = await stepsOf(flowId, settings)
    const proposed: ParameterVersion[] = []
    for (const step of steps) {
      const pending = e.record.versions.some((v) => v.status === 'pending' && v.candidate?.nodeId === step.nodeId)
      if (pending || step.newAnswers < settings.retrainAfter) continue
      const current = e.record.versions.find((v) => v.version === e.record.current)
      const version = await propose(flowId, step, { compiled, all, params: ownerValues(e.params), datasets: current?.datasets ?? {} })
      if (version) proposed.push(version)
    }
    return proposed
  }

  /** Checks of one flow run one after the other; a failure is logged, never thrown at a commit. */
  function schedule(flowId: string): Promise<unknown> {
    const next = (running.get(flowId) ?? Promise.resolve())
      .then(() => check(flowId))
      .catch((error) => log.warn('the learning loop could not look at new answers', { flowId, error: error instanceof Error ? error.message : String(error) }))
    running.set(flowId, next)
    void next.finally(() => running.get(flowId) === next && running.delete(flowId))
    return next
  }

  return {
    check,
    /** Feed committed events: a reviewer's decision or a customer's answer may complete a batch. */
    observe(state: RunState, events: readonly RunEvent[]): void {
      if (state.test) return
      if (events.some((e) => e.type === 'task.decided' || e.type === 'customer.answered')) void schedule(state.flowId)
    },
    /** Wait until checks already started have finished (tests, shutdown). */
    async idle(flowId: string): Promise<void> {
      while (running.has(flowId)) await running.get(flowId)
    },
    settings: (flowId: string) => loadSettings(store, flowId),
    async saveSettings(flowId: string, update: Partial<LearningSettings>): Promise<LearningSettings> {
      await parameters.effective(flowId)
      const settings = await saveSettings(store, flowId, update)
      void schedule(flowId)
      return settings
    },
    async overview(flowId: string): Promise<LearningOverview> {
      const settings = await loadSettings(store, flowId)
      const { e, steps } = await stepsOf(flowId, settings)
      return {
        flowId,
        settings,
        steps: steps.map((s) => ({
          nodeId: s.nodeId,
          reviewed: s.answers.length,
          newAnswers: s.newAnswers,
          pendingVersion: e.record.versions.find((v) => v.status === 'pending' && v.candidate?.nodeId === s.nodeId)?.version ?? null,
          curve: curveOf(e.record.versions, s.nodeId),
        })),
      }
    },
  }
}
