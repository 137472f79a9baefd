/**
 * The engine: start, resume, cancel and retry runs. Every operation on a run
 * is serialised by a per-run lock, computed as new events on a copy of the
 * run's state, and committed in one durable append before anyone hears of it.
 */
import type { Flow } from '../../node-types/flow/schema.js'
import type { Json, JsonObject } from '../../node-types/sdk/types.js'
import { advance, closeWait, isTerminal, type Step } from './advance.js'
import { compileFlow, type CompiledFlow } from './compile.js'
import type { EngineDeps } from './deps.js'
import { EngineError } from './errors.js'
import { KeyedLock } from './keyed-lock.js'
import { RunTx } from './run-tx.js'
import { emptyState, type RunState } from './state.js'

export interface StartRunOptions {
  flowId: string
  /** Default: the latest published version. */
  version?: number
  input: unknown
  idempotencyKey?: string
  requestedBy?: string
  /** Run a draft (a test run): the flow travels with the run. */
  draft?: Flow
  /** Parameter values for this run (default: the flow version's own). */
  params?: Record<string, Json>
  parametersVersion?: number
}

export interface StartRunResult {
  runId: string
  created: boolean
  state: RunState
}

export type Engine = ReturnType<typeof createEngine>

export function createEngine(deps: EngineDeps) {
  const locks = new KeyedLock()
  const compiledCache = new Map<string, CompiledFlow>()

  async function compiledFor(flowId: string, version: number, params?: Record<string, Json>, draft?: Flow): Promise<CompiledFlow> {
    if (draft) return compileFlow(draft, deps.registry, params)
    const key = `${flowId}@${version}`
    let compiled = compiledCache.get(key)
    if (!compiled) {
      const flow = await deps.store.flows.getVersion(flowId, version)
      if (!flow) throw new EngineError('FLOW_NOT_FOUND', `flow '${flowId}' has no version ${version}`)
      compiled = compileFlow(flow, deps.registry)
      compiledCache.set(key, compiled)
    }
    if (!params || !compiled.usesParamRefs) return compiled
    const values = JSON.stringify(params)
    if (values === JSON.stringify(compiled.defaultParams)) return compiled
    // Runs on owner-set parameter values share one compiled variant per set of values.
    const variantKey = `${key}\u0000${values}`
    let variant = compiledCache.get(variantKey)
    if (!variant) {
      variant = compileFlow(compiled.flow, deps.registry, params)
      if (compiledCache.size >= 1000) compiledCache.delete(compiledCache.keys().next().value as string)
      compiledCache.set(variantKey, variant)
    }
    return variant
  }

  async function commit(tx: RunTx): Promise<void> {
    if (tx.events.length === 0) return
    await deps.store.runs.appendRun(tx.state.id, tx.events, tx.state, tx.messages)
    deps.onCommit?.(tx.state, tx.events)
  }

  /** Run `fn` on a run under its lock, then commit what it emitted. */
  async function withRun<T>(runId: string, fn: (step: Step) => Promise<T>): Promise<T> {
    return locks.run(runId, async () => {
      const state = await deps.store.runs.getRun(runId)
      if (!state) throw new EngineError('RUN_NOT_FOUND', `run '${runId}' does not exist`)
      const compiled = await compiledFor(state.flowId, state.flowVersion, state.params, state.flowSnapshot)
      const step: Step = { deps, compiled, tx: new RunTx(state, deps.clock) }
      const result = await fn(step)
      await commit(step.tx)
      return result
    })
  }

  async function startRun(options: StartRunOptions): Promise<StartRunResult> {
    const { flowId, idempotencyKey } = options
    if (idempotencyKey === undefined) return createRun(options)
    return locks.run(`idem:${flowId}:${idempotencyKey}`, async () => {
      const existing = deps.store.runs.runIdForIdempotencyKey(flowId, idempotencyKey)
      if (existing) return { runId: existing, created: false, state: (await deps.store.runs.getRun(existing))! }
      return createRun(options)
    })
  }

  async function createRun(options: StartRunOptions): Promise<StartRunResult> {
    const version = options.draft ? 0 : (options.version ?? (await latestVersion(options.flowId)))
    const compiled = await compiledFor(options.flowId, version, options.params, options.draft)
    const parsed = compiled.input.safeParse(options.input ?? {})
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ path: ['input', ...i.path].join('.'), message: i.message }))
      throw new EngineError('INPUT_INVALID', `the run input does not match the flow's input schema: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { problems })
    }
    const runId = deps.ids.next('r')
    const step: Step = { deps, compiled, tx: new RunTx(emptyState(runId), deps.clock) }
    step.tx.emit({
      type: 'run.started',
      flowId: options.flowId,
      flowVersion: version,
      input: parsed.data as JsonObject,
      params: options.params ?? compiled.defaultParams,
      parametersVersion: options.parametersVersion,
      idempotencyKey: options.idempotencyKey,
      requestedBy: options.requestedBy,
      test: options.draft ? true : undefined,
      flowSnapshot: options.draft,
    })
    await advance(step, [{ nodeId: compiled.startId, input: parsed.data as JsonObject }])
    await commit(step.tx)
    return { runId, created: true, state: step.tx.state }
  }

  async function latestVersion(flowId: string): Promise<number> {
    const latest = await deps.store.flows.latestVersion(flowId)
    if (latest !== undefined) return latest
    const draft = await deps.store.flows.getDraft(flowId)
    if (!draft) throw new EngineError('FLOW_NOT_FOUND', `flow '${flowId}' does not exist`)
    throw new EngineError('FLOW_NOT_PUBLISHED', `flow '${flowId}' has no published version yet; publish it first`)
  }

  async function cancelRun(runId: string, reason: string, by: string): Promise<RunState> {
    return withRun(runId, async ({ tx }) => {
      if (isTerminal(tx.state.status)) {
        throw new EngineError('RUN_NOT_CANCELLABLE', `run '${runId}' is already ${tx.state.status}`)
      }
      for (const exec of Object.keys(tx.state.waits)) closeWait(tx, exec, 'cancelled')
      tx.emit({ type: 'run.cancelled', reason, by })
      return tx.state
    })
  }

  /** Re-run the node that failed, with the input it had. */
  async function retryRun(runId: string, by: string): Promise<RunState> {
    const events = await deps.store.runs.getEvents(runId)
    return withRun(runId, async (step) => {
      const { tx } = step
      const nodeId = tx.state.error?.nodeId
      if (tx.state.status !== 'failed' || !nodeId) {
        throw new EngineError('RUN_NOT_RETRYABLE', `run '${runId}' is ${tx.state.status}; only a failed run can be retried`)
      }
      const entered = [...(events ?? [])].reverse().find((e) => e.type === 'node.entered' && e.nodeId === nodeId)
      const input = entered?.type === 'node.entered' ? entered.input : {}
      tx.emit({ type: 'run.retried', nodeId, by })
      await advance(step, [{ nodeId, input }])
      return tx.state
    })
  }

  /**
   * Forget every compiled flow version, so the next operation compiles again
   * against the registry as it is now (a node type was reloaded in dev mode).
   */
  function invalidateCompiled(): void {
    compiledCache.clear()
  }

  return { startRun, cancelRun, retryRun, withRun, compiledFor, invalidateCompiled, deps }
}
