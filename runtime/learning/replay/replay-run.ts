/**
 * One case being replayed: the flow tried, the version the case ran on, the
 * outputs so far, and the context its steps see. The context has no side
 * effects: no clock but the record's times, no secrets, AI and HTTP answered
 * from the record (or by a local model), and nothing reaches the store.
 */
import { compileExpression } from '../../../node-types/expr/cel.js'
import { renderTemplate } from '../../../node-types/expr/template.js'
import type { AiAnswer, AiRequest, AiService, HttpResponse, Json, JsonObject, Logger, NodeContext } from '../../../node-types/sdk/types.js'
import type { CompiledFlow } from '../../engine/compile.js'
import type { CaseRecord } from '../case-record.js'

/** Thrown inside a replayed step: the record cannot tell what the step would do. Stops the case as "cannot tell". */
export class CannotTell extends Error {
  constructor(readonly reason: string) {
    super(reason)
    this.name = 'CannotTell'
  }
}

export interface ReplayRun {
  c: CaseRecord
  /** The flow being tried, compiled for this case's parameters. */
  compiled: CompiledFlow
  /** The version the case ran on, with its parameters (undefined: it cannot be loaded any more). */
  recorded: CompiledFlow | undefined
  params: Record<string, Json>
  /** Outputs of the steps replayed so far. */
  nodes: Record<string, JsonObject>
  /** How often each step was entered so far. */
  visits: Map<string, number>
  /**
   * Set when a step asked something the record cannot answer. Kept here, not
   * only thrown: a step may catch the error (an AI step turns it into its
   * `error` port), and the replay must still stop.
   */
  halted?: CannotTell
  /** Answers AI requests the record cannot (see replay-ai.ts). */
  ai(run: ReplayRun, nodeId: string, request: AiRequest): Promise<AiAnswer>
}

const silent: Logger = { info() {}, warn() {}, error() {} }
const noSecrets = { get: () => undefined }

/** Stop the case as "cannot tell": remembered on the run, and returned to be thrown. */
export function halt(run: ReplayRun | undefined, reason: string): CannotTell {
  const error = new CannotTell(reason)
  if (run && !run.halted) run.halted = error
  return error
}

/** A context over any run data: the replay's own, or the record's (to see what a step asked back then). */
export class ReplayContext implements NodeContext {
  readonly runId: string
  readonly flowId: string
  readonly flowVersion: number
  readonly idempotencyKey: string
  readonly log = silent
  readonly secrets = noSecrets
  /** A replay never opens a secret: a step that asks for one cannot be told from the record. */
  readonly credentials = {
    get: (name: string): Promise<never> => Promise.reject(halt(this.run, `step '${this.nodeId}' reads the credential '${name}'; a replay opens no secrets`)),
  }
  private readonly scope: Record<string, unknown>

  constructor(
    c: CaseRecord,
    readonly nodeId: string,
    readonly input: JsonObject,
    readonly nodes: Record<string, JsonObject>,
    readonly params: Record<string, Json>,
    private readonly at: number,
    readonly ai: AiService,
    private readonly run?: ReplayRun,
  ) {
    this.runId = c.runId
    this.flowId = c.flowId
    this.flowVersion = c.flowVersion
    this.idempotencyKey = `${c.runId}:${nodeId}:replay`
    this.scope = { input, nodes, params }
  }

  now(): Date {
    return new Date(this.at)
  }

  http(): Promise<HttpResponse> {
    return Promise.reject(halt(this.run, `step '${this.nodeId}' makes an HTTP call whose response is not recorded; a replay never calls out`))
  }

  evaluate(expression: string, extra?: Record<string, unknown>): unknown {
    return compileExpression(expression)(extra ? { ...this.scope, ...extra } : this.scope)
  }

  render(template: string): string {
    return renderTemplate(template, this.scope)
  }
}

/** The context a replayed step sees, at time `at` (epoch ms). */
export function replayContext(run: ReplayRun, nodeId: string, at: number): ReplayContext {
  const ai: AiService = { run: (request) => run.ai(run, nodeId, request) }
  return new ReplayContext(run.c, nodeId, run.c.input, run.nodes, run.params, at, ai, run)
}

/** Outputs of every step the case completed (each step's first completion). */
export function recordedOutputs(c: CaseRecord): Record<string, JsonObject> {
  const nodes: Record<string, JsonObject> = {}
  for (const id in c.visits) nodes[id] = c.visits[id].output
  return nodes
}
