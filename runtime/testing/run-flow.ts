/**
 * The flow test kit: run a whole flow — built-in and your own node types —
 * on an engine with the in-memory store, answering its waits from callbacks
 * instead of an inbox and customer links. Timers fire by moving a test clock,
 * so a three-day deadline takes no time. No server, no files.
 */
import { randomBytes } from 'node:crypto'
import { builtinNodeTypes } from '../../node-types/builtin/index.js'
import type { Flow } from '../../node-types/flow/schema.js'
import { validateFlow } from '../../node-types/flow/validate.js'
import { createRegistry } from '../../node-types/registry.js'
import type { AnyNodeType } from '../../node-types/sdk/define-node-type.js'
import type { AiService, Credential, HttpRequestInit, HttpResponse, Json, JsonObject } from '../../node-types/sdk/types.js'
import { composeEngine } from '../compose.js'
import { CredentialNotFound } from '../credentials/credentials.js'
import type { Clock } from '../engine/deps.js'
import type { RunEvent } from '../engine/events.js'
import type { Engine } from '../engine/index.js'
import type { RequestState, RunState, TaskState } from '../engine/state.js'
import { createLogger } from '../log.js'
import { createMemoryStore } from '../store/memory-store.js'
import { settleWaits, type TestAnswer, type TestDecision } from './settle-waits.js'

export type { TestAnswer, TestDecision }

export interface RunFlowOptions {
  input?: unknown
  /** Your node types, beside the built-ins. */
  nodeTypes?: readonly AnyNodeType[]
  /** Decide an open task; return `undefined` to leave it open (its deadline may then fire). */
  decide?: (task: TaskState, run: RunState) => TestDecision | undefined | Promise<TestDecision | undefined>
  /** Answer an open customer request; return `undefined` to leave it open (it may expire). */
  answer?: (request: RequestState, run: RunState) => TestAnswer | undefined | Promise<TestAnswer | undefined>
  /**
   * When the run starts (default `2026-01-05T09:00:00Z`). The test clock jumps
   * to each timer the run waits on. Pass a `Clock` to keep time yourself:
   * then only timers already due fire.
   */
  clock?: string | Date | Clock
  /** Parameter values for this run (default: the flow's own). */
  params?: Record<string, Json>
  /** What `ctx.secrets.get(name)` answers. Default: none. */
  secrets?: Record<string, string>
  /** Stored credentials by name: what `ctx.credentials.get(name)` answers and what an HTTP call's `credential` adds. Default: none. */
  credentials?: Record<string, Credential>
  /** What `ctx.http` does. Default: real `fetch` with the node's timeout. */
  http?: (url: string, init?: HttpRequestInit) => Promise<HttpResponse>
  ai?: AiService
  /** Give up after this many answered waits and fired timers. Default 100. */
  maxSteps?: number
}

export interface FlowTestRun {
  runId: string
  status: RunState['status']
  outcome?: string
  output?: JsonObject
  error?: RunState['error']
  /** Nodes in the order they completed, with the port each left by. */
  path: { nodeId: string; port: string }[]
  /** The final state: `outputs` by node, `tasks`, `requests`, `timers`. */
  state: RunState
  events: RunEvent[]
  /** The engine it ran on (to decide or fire more by hand). */
  engine: Engine
}

/**
 * Run `flow` from start to end, or until it waits on something no callback answers.
 *
 * @example
 * const run = await runFlow(flow, {
 *   input: { email: 'ada@example.com' },
 *   nodeTypes: [crmLookup],
 *   decide: (task) => ({ decision: 'approve' }),
 * })
 * expect(run).toMatchObject({ status: 'completed', outcome: 'onboarded' })
 * expect(run.path.map((p) => p.nodeId)).toEqual(['start', 'lookup', 'review', 'done'])
 */
export async function runFlow(flow: unknown, options: RunFlowOptions = {}): Promise<FlowTestRun> {
  const clock = testClock(options.clock)
  const store = createMemoryStore({ now: () => clock.now().toISOString() })
  const secrets = options.secrets ?? {}
  const { engine } = composeEngine({
    store,
    secret: randomBytes(32),
    log: createLogger('silent'),
    clock,
    registry: createRegistry([...builtinNodeTypes, ...(options.nodeTypes ?? [])]),
    credentials: { get: (name) => credentialIn(options.credentials ?? {}, name) },
    overrides: { secrets: { get: (name) => secrets[name] }, ...(options.http && { http: options.http }), ...(options.ai && { ai: options.ai }) },
  })
  const draft = checkedFlow(flow, engine)
  const { runId } = await engine.startRun({ flowId: draft.id, draft, input: options.input ?? {}, params: options.params, requestedBy: 'test' })
  await settleWaits(engine, runId, { ...options, clock })
  const state = (await store.runs.getRun(runId))!
  const events = (await store.runs.getEvents(runId)) ?? []
  const path = events.flatMap((e) => (e.type === 'node.completed' ? [{ nodeId: e.nodeId, port: e.port }] : []))
  return { runId, status: state.status, outcome: state.outcome, output: state.output, error: state.error, path, state, events, engine }
}

function credentialIn(credentials: Record<string, Credential>, name: string): Promise<Credential> {
  const found = Object.hasOwn(credentials, name) ? credentials[name] : undefined
  return found ? Promise.resolve(found) : Promise.reject(new CredentialNotFound(name))
}

/** A clock the kit may move (`set`), or one the test keeps. */
export type TestClock = Clock & { set?(at: Date): void }

function testClock(given: RunFlowOptions['clock']): TestClock {
  if (given && typeof given === 'object' && !(given instanceof Date)) return given
  let now = new Date(given ?? '2026-01-05T09:00:00.000Z').getTime()
  return { now: () => new Date(now), nowMs: () => now, set: (at) => void (now = Math.max(now, at.getTime())) }
}

function checkedFlow(flow: unknown, engine: Engine): Flow {
  const result = validateFlow(flow, engine.deps.registry)
  if (!result.ok) throw new Error(`runFlow: the flow has problems:\n${result.problems.map((p) => `  ${p.path} [${p.code}] ${p.message}`).join('\n')}`)
  return result.flow
}
