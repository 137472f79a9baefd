/**
 * AI in a replay. A step that asks what it asked in the recorded case (same
 * config, same text, same options — so the same model) gets the recorded
 * proposal back. Otherwise the offline local model answers again; a remote
 * model is never called, and the case cannot be told.
 */
import { isDeepStrictEqual } from 'node:util'
import type { AiAnswer, AiRequest, AiService } from '../../../node-types/sdk/types.js'
import { DEFAULT_AI_PROVIDER } from '../../ai/provider.js'
import { isAiOutput } from '../case-record.js'
import type { ReplayPlan } from './replay-plan.js'
import { halt, ReplayContext, recordedOutputs, type ReplayRun } from './replay-run.js'

/** Stops a recorded step's execute at its AI call: we only want to see what it asked. */
class Asked extends Error {
  constructor(readonly request: AiRequest) {
    super('asked')
  }
}

/** What the step asked in the recorded case, found by running its recorded version up to the AI call. */
async function recordedRequest(plan: ReplayPlan, run: ReplayRun, nodeId: string): Promise<AiRequest | undefined> {
  const node = plan.sameRecordedNode(run.compiled, run.recorded, nodeId)
  if (!node) return undefined
  let asked: AiRequest | undefined
  const capture: AiService = {
    run: (request) => {
      asked = request
      return Promise.reject(new Asked(request))
    },
  }
  const { c } = run
  const ctx = new ReplayContext(c, nodeId, c.input, recordedOutputs(c), c.params, Date.parse(c.startedAt), capture)
  try {
    await node.def.execute(ctx, c.input, node.config)
  } catch {
    // A step that fails before asking asked nothing.
  }
  return asked
}

function recordedAnswer(run: ReplayRun, nodeId: string): AiAnswer | Error | undefined {
  const visit = run.c.visits[nodeId]
  if (!visit) return undefined
  const out = visit.output
  if (visit.port === 'error' && typeof out.error === 'string') return new Error(out.error)
  if (!isAiOutput(out)) return undefined
  const answer: AiAnswer = { confidence: out.confidence as number, model: String(out.model ?? ''), modelVersion: out.modelVersion as string }
  if (typeof out.label === 'string') answer.label = out.label
  if (out.value !== undefined) answer.value = out.value
  if (out.scores && typeof out.scores === 'object' && !Array.isArray(out.scores)) answer.scores = out.scores as Record<string, number>
  return answer
}

/**
 * @example
 * const run: ReplayRun = { ..., ai: (run, nodeId, request) => replayAi(plan, run, nodeId, request) }
 */
export async function replayAi(plan: ReplayPlan, run: ReplayRun, nodeId: string, request: AiRequest): Promise<AiAnswer> {
  const instead = plan.answerAi?.(nodeId, request, run.c)
  if (instead) return instead
  const recorded = recordedAnswer(run, nodeId)
  if (recorded !== undefined && (run.visits.get(nodeId) ?? 0) <= 1) {
    const asked = await recordedRequest(plan, run, nodeId)
    if (asked && isDeepStrictEqual(asked, request)) {
      if (recorded instanceof Error) throw recorded
      return recorded
    }
  }
  const provider = request.provider || DEFAULT_AI_PROVIDER
  if (provider !== 'local') {
    throw halt(run, `AI step '${nodeId}' would ask provider '${provider}' something it was not asked in this case; a replay never calls a remote model`)
  }
  // Relative dates are read as of the day the case ran, not today.
  const referenceDate = request.options?.referenceDate ?? run.c.startedAt
  return plan.localAi.run({ ...request, options: { ...request.options, referenceDate } })
}
