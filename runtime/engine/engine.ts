/**
 * The engine: start, resume, cancel and retry runs. Every operation on a run
 * is computed as new events on a copy of the run's state and committed in one
 * durable append before anyone hears of it. Commits are optimistic: the
 * append succeeds only if the run is still at the seq the operation read;
 * otherwise the operation is applied again on the fresh state. A per-run
 * lock inside this process only saves such retries, it decides nothing —
 * other processes on the same database append too.
 */
import type { Flow } from '../../node-types/flow/schema.js'
import type { Json, JsonObject } from '../../node-types/sdk/types.js'
import type { ParentLink, RunEvent } from './events.js'
import { advance, closeWait, isTerminal, type Step } from './advance.js'
import { childFollowUps, type ChildRunHost } from './child-runs.js'
import { compileFlow, type CompiledFlow } from './compile.js'
import type { EngineDeps } from './deps.js'
import { EngineError } from './errors.js'
import { KeyedLock } from './keyed-lock.js'
import { RunTx } from './run-tx.js'
import { emptyState, type RunState } from './state.js'
import type { AppendConflict } from './store.js'

/** How often one operation is applied again after losing a race for its run, before giving up. */
const MAX_ATTEMPTS = 20

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

/** How a child run starts (a sub-flow): its id was chosen in the parent's commit. */
interface ChildStart {
  runId: string
  parent: ParentLink
  depth: number
  test: boolean
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

  /** After a commit, outside the run's lock: what it asks of other runs (start or cancel a child, tell a parent). */
  async function followUp(state: RunState, events: readonly RunEvent[]): Promise<boolean> {
    if (!asksOtherRuns(state, events)) return false
    await childFollowUps(host, state, events)
    return true
  }

  /**
   * Run `fn` on a fresh copy of a run, then commit what it emitted — if the
   * run is still where `fn` found it. If another operation (here or in
   * another process) committed first, `fn` runs again on the new state, so
   * its checks (task still open, timer still pending) see what happened.
   * `fn` may be called more than once: it must keep its effects in the step.
   */
  async function withRun<T>(runId: string, fn: (step: Step) => Promise<T>): Promise<T> {
    let committed: RunTx | undefined
    const result = await locks.run(runId, async () => {
      for (let attempt = 1; ; attempt++) {
        const state = await deps.store.runs.getRun(runId)
        if (!state) throw new EngineError('RUN_NOT_FOUND', `run '${runId}' does not exist`)
        const compiled = await compiledFor(state.flowId, state.flowVersion, state.params, state.flowSnapshot)
        const step: Step = { deps, compiled, tx: new RunTx(state, deps.clock) }
        const result = await fn(step)
        try {
          await commit(step.tx)
          committed = step.tx
          return result
        } catch (error) {
          if (!isConflict(error, 'SEQ_CONFLICT')) throw error
          if (attempt >= MAX_ATTEMPTS) throw new EngineError('RUN_BUSY', `run '${runId}' changed ${attempt} times while this was being applied; try again`)
        }
      }
    })
    if (committed) await followUp(committed.state, committed.events)
    return result
  }

  async function startRun(options: StartRunOptions): Promise<StartRunResult> {
    const { flowId, idempotencyKey } = options
    if (idempotencyKey === undefined) return createRun(options)
    return locks.run(`idem:${flowId}:${idempotencyKey}`, async () => {
      const existing = await deps.store.runs.runIdForIdempotencyKey(flowId, idempotencyKey)
      if (existing) return sameStart(existing, options)
      try {
        return await createRun(options)
      } catch (error) {
        // Another process started the run with this key first: answer as if we had seen it.
        if (!isConflict(error, 'IDEMPOTENCY_CONFLICT') || !error.runId) throw error
        return sameStart(error.runId, options)
      }
    })
  }

  /** A start with a key already used: the first run, if the input is the same; 409 if not. */
  async function sameStart(runId: string, options: StartRunOptions): Promise<StartRunResult> {
    const state = await deps.store.runs.getRun(runId)
    if (!state) throw new EngineError('RUN_NOT_FOUND', `run '${runId}' does not exist`)
    const compiled = await compiledFor(state.flowId, state.flowVersion, state.params, state.flowSnapshot)
    const parsed = compiled.input.safeParse(options.input ?? {})
    if (!parsed.success || canonicalJson(parsed.data) !== canonicalJson(state.input)) {
      throw new EngineError(
        'IDEMPOTENCY_KEY_REUSED',
        `the idempotency key '${options.idempotencyKey}' was already used for run ${runId} with a different input; use a new key for a new run`,
        { runId },
      )
    }
    return { runId, created: false, state }
  }

  async function createRun(options: StartRunOptions, child?: ChildStart): Promise<StartRunResult> {
    const version = options.draft ? 0 : (options.version ?? (await latestVersion(options.flowId)))
    const compiled = await compiledFor(options.flowId, version, options.params, options.draft)
    const parsed = compiled.input.safeParse(options.input ?? {})
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ path: ['input', ...i.path].join('.'), message: i.message }))
      throw new EngineError('INPUT_INVALID', `the run input does not match the flow's input schema: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { problems })
    }
    const runId = child?.runId ?? deps.ids.next('r')
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
      test: options.draft || child?.test ? true : undefined,
      flowSnapshot: options.draft,
      ...(child && { parent: child.parent, depth: child.depth }),
    })
    await advance(step, [{ nodeId: compiled.startId, input: parsed.data as JsonObject }])
    await commit(step.tx)
    // Children it started may have ended and resumed it already: answer with the run as it is now.
    const moved = await followUp(step.tx.state, step.tx.events)
    const state = moved ? ((await deps.store.runs.getRun(runId)) ?? step.tx.state) : step.tx.state
    return { runId, created: true, state }
  }

  /** Start a child run under the id its parent's commit chose; a second start of that id is refused by the store (SEQ_CONFLICT). */
  async function startChildRun(options: { runId: string; flowId: string; version?: number; input: unknown; parent: ParentLink; depth: number; test: boolean }) {
    const { runId, parent, depth, test, ...start } = options
    return createRun(start, { runId, parent, depth, test })
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

  const host: ChildRunHost = { deps, withRun, startChildRun, cancelRun }
  return { startRun, cancelRun, retryRun, withRun, compiledFor, invalidateCompiled, deps }
}

/** Does a commit concern other runs: a child started, closed or checked, or a child run ending? */
function asksOtherRuns(state: RunState, events: readonly RunEvent[]): boolean {
  if (!state.parent && !state.children) return false
  for (const event of events) {
    switch (event.type) {
      case 'child.started':
      case 'child.closed':
      case 'timer.fired':
        if (state.children) return true
        break
      case 'run.completed':
      case 'run.failed':
      case 'run.cancelled':
        if (state.parent) return true
    }
  }
  return false
}

function isConflict(error: unknown, code: AppendConflict['code']): error is AppendConflict {
  return error instanceof Error && (error as Partial<AppendConflict>).code === code
}

/** JSON with object keys sorted, so two equal inputs compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
