/**
 * The `ctx` a node's execute/resume receives: the run's data, the clock, AI,
 * secrets, HTTP and expression helpers — and nothing that reaches the engine.
 * A class rather than a literal of closures: one is made per node execution,
 * on the hot path.
 */
import { compileExpression } from '../../node-types/expr/cel.js'
import { renderTemplate, type RenderOptions } from '../../node-types/expr/template.js'
import type { AiService, CredentialAccess, HttpRequestInit, HttpResponse, Json, JsonObject, Logger, NodeContext, PortResult } from '../../node-types/sdk/types.js'
import type { EngineDeps } from './deps.js'
import type { RunState } from './state.js'

const noSecrets = { get: () => undefined }
const noCredentials: CredentialAccess = {
  get: (name) => Promise.reject(Object.assign(new Error(`there is no stored credential '${name}': this runtime has no credential store`), { code: 'CREDENTIAL_NOT_FOUND' })),
}

class RunNodeContext implements NodeContext {
  readonly runId: string
  readonly flowId: string
  readonly flowVersion: number
  readonly input: JsonObject
  readonly nodes: Record<string, JsonObject>
  readonly params: Record<string, Json>
  readonly idempotencyKey: string
  readonly ai: AiService
  readonly secrets: { get(name: string): string | undefined }
  readonly credentials: CredentialAccess
  private readonly scope: Record<string, unknown>
  private logger?: Logger

  constructor(
    private readonly deps: EngineDeps,
    private readonly state: RunState,
    readonly nodeId: string,
    exec: string,
    idempotencyKey?: string,
  ) {
    this.runId = state.id
    this.flowId = state.flowId
    this.flowVersion = state.flowVersion
    this.input = state.input
    this.nodes = state.outputs
    this.params = state.params
    this.idempotencyKey = idempotencyKey ?? `${state.id}:${exec}`
    this.ai = deps.ai
    this.secrets = deps.secrets ?? noSecrets
    this.credentials = deps.credentials ?? noCredentials
    this.scope = { input: state.input, nodes: state.outputs, params: state.params }
  }

  get log(): Logger {
    if (!this.logger) {
      const base = this.deps.log
      const fields = { runId: this.runId, nodeId: this.nodeId }
      this.logger = {
        info: (message, extra) => base.info(message, { ...fields, ...extra }),
        warn: (message, extra) => base.warn(message, { ...fields, ...extra }),
        error: (message, extra) => base.error(message, { ...fields, ...extra }),
      }
    }
    return this.logger
  }

  now(): Date {
    return this.deps.clock.now()
  }

  http(url: string, init?: HttpRequestInit): Promise<HttpResponse> {
    if (!this.deps.http) throw new Error('this runtime has no HTTP client configured')
    return this.deps.http(url, init)
  }

  evaluate(expression: string, extra?: Record<string, unknown>): unknown {
    return compileExpression(expression)(extra ? { ...this.scope, ...extra } : this.scope)
  }

  render(template: string, options?: RenderOptions): string {
    return renderTemplate(template, this.scope, options)
  }

  async runNodeType(type: string, config: unknown, input: JsonObject, key: string): Promise<PortResult> {
    const def = this.deps.registry.get(type)
    if (!def) throw new Error(`there is no node type '${type}'`)
    const parsed = def.config.safeParse(config ?? {})
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i: { path: PropertyKey[]; message: string }) => `${i.path.join('.') || '(config)'}: ${i.message}`).join('; ')
      throw new Error(`the config for node type '${type}' is not valid: ${problems}`)
    }
    const ctx = new RunNodeContext(this.deps, this.state, this.nodeId, key, key)
    const result = await def.execute(ctx, input, parsed.data)
    if (!('port' in result)) throw new Error(`node type '${type}' did not answer with a port; only such types can be run as a tool`)
    return result
  }
}

export function createNodeContext(deps: EngineDeps, state: RunState, nodeId: string, exec: string): NodeContext {
  return new RunNodeContext(deps, state, nodeId, exec)
}
