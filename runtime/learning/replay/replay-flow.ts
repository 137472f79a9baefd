/**
 * `POST /api/flows/:id/replay` behind the route: pick what is tried (a draft
 * sent along, a published version, or the saved draft), pick the finished
 * runs of the period, replay them and count. Reads only; writes nothing.
 */
import type { ReplayRequest, ReplayResponse } from '../../../node-types/api/replay.js'
import type { Flow } from '../../../node-types/flow/schema.js'
import { validateFlow } from '../../../node-types/flow/validate.js'
import type { Engine } from '../../engine/engine.js'
import { EngineError } from '../../engine/errors.js'
import type { ParameterVersion } from '../../parameters/parameter-versions.js'
import type { CaseRecord } from '../case-record.js'
import { LearningError } from '../errors.js'
import { planReplay } from './replay-plan.js'
import { replayCases } from './replay-report.js'

export const DEFAULT_REPLAY_LIMIT = 10_000

async function triedFlow(engine: Engine, flowId: string, request: ReplayRequest): Promise<{ flow: Flow; tried: ReplayResponse['tried'] }> {
  const { store, registry } = engine.deps
  if (request.flow) {
    const result = validateFlow(request.flow, registry)
    if (!result.ok) throw new EngineError('FLOW_INVALID', `the draft is not valid: ${result.problems[0].message}`, { problems: result.problems })
    if (result.flow.id !== flowId) throw new LearningError('FLOW_MISMATCH', `the draft is flow '${result.flow.id}', not '${flowId}'`)
    return { flow: result.flow, tried: { kind: 'draft' } }
  }
  if (request.version !== undefined) {
    const flow = await store.flows.getVersion(flowId, request.version)
    if (!flow) throw new LearningError('VERSION_NOT_FOUND', `flow '${flowId}' has no published version ${request.version}`)
    return { flow, tried: { kind: 'version', version: request.version } }
  }
  const draft = await store.flows.getDraft(flowId)
  if (!draft) throw new LearningError('FLOW_NOT_FOUND', `flow '${flowId}' does not exist`)
  return { flow: draft.flow, tried: { kind: 'draft' } }
}

const finished = (c: CaseRecord) => c.status === 'completed' || c.status === 'failed'

/**
 * @example
 * await replayFlow(engine, await cases.cases('loan-approval'), 'loan-approval', { flow: draft })
 * // → { cases: 1200, totals: { same: 1100, different: 60, needsPerson: 40, cannotTell: 0 }, paths: {...}, moved: [...] }
 */
export async function replayFlow(engine: Engine, all: readonly CaseRecord[], flowId: string, request: ReplayRequest, parameterVersions: readonly ParameterVersion[]): Promise<ReplayResponse> {
  const started = performance.now()
  const { flow, tried } = await triedFlow(engine, flowId, request)
  const inPeriod = all.filter((c) => (!request.from || c.startedAt >= request.from) && (!request.to || c.startedAt < request.to))
  const done = inPeriod.filter(finished)
  const chosen = done.slice(Math.max(0, done.length - (request.limit ?? DEFAULT_REPLAY_LIMIT)))
  const byVersion = new Map(parameterVersions.map((v) => [v.version, v.values]))
  const plan = await planReplay(flow, chosen, {
    registry: engine.deps.registry,
    compiledFor: (version, params) => engine.compiledFor(flowId, version, params),
    localAi: engine.deps.ai,
    ownerValuesOf: (c) => (c.parametersVersion === undefined ? {} : (byVersion.get(c.parametersVersion) ?? {})),
  })
  const counts = await replayCases(plan, chosen, flow)
  return {
    flowId,
    tried,
    from: request.from ?? null,
    to: request.to ?? null,
    ...counts,
    skipped: inPeriod.length - done.length,
    ms: Math.round(performance.now() - started),
  }
}
