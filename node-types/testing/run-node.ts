/**
 * The node test kit: run one node type's `execute` or `resume` with a config,
 * an input and a context you control — no engine, no store. Inloop's own
 * built-in types are tested with it, and so should yours be.
 */
import type { z } from 'zod'
import { compileExpression } from '../expr/cel.js'
import { renderTemplate } from '../expr/template.js'
import type { NodeTypeDefinition } from '../sdk/define-node-type.js'
import type { AiService, Json, JsonObject, Logger, NodeContext, NodeResult, ResumeSignal } from '../sdk/types.js'

export interface NodeTestOptions<C extends z.ZodType> {
  /** Config as written in a flow file; defaults are applied by the schema. */
  config?: z.input<C>
  /** Data arriving on the input port. */
  input?: JsonObject
  /** Parts of the context to set: run input, earlier outputs, params, clock, AI, secrets, HTTP. */
  ctx?: Partial<Omit<NodeContext, 'evaluate' | 'render'>> & { input?: JsonObject }
}

export interface NodeTestRun<P extends string> {
  result: NodeResult<P>
  /** Everything the node logged. */
  logs: { level: 'info' | 'warn' | 'error'; message: string; fields?: JsonObject }[]
  config: unknown
}

/**
 * Run a node type once.
 *
 * @example
 * const { result } = await runNode(rule, {
 *   config: { rules: [{ when: 'input.amount > 100', port: 'big' }] },
 *   ctx: { input: { amount: 500 } },
 * })
 * expect(result).toEqual({ port: 'big', data: { outcome: 'big', rule: 0 } })
 */
export async function runNode<C extends z.ZodType, P extends string>(
  definition: NodeTypeDefinition<C, P>,
  options: NodeTestOptions<C> = {},
): Promise<NodeTestRun<P>> {
  const { ctx, logs, config } = prepare(definition, options)
  const result = await definition.execute(ctx, options.input ?? ctx.input, config)
  return { result, logs, config }
}

/**
 * Deliver a decision, an answer or a timer to a node that waited.
 *
 * @example
 * const { result } = await resumeNode(humanReview, { kind: 'timer', name: 'deadline' }, { config: { onDeadline: 'port' } })
 * expect(result).toMatchObject({ port: 'overdue' })
 */
export async function resumeNode<C extends z.ZodType, P extends string>(
  definition: NodeTypeDefinition<C, P>,
  signal: ResumeSignal,
  options: NodeTestOptions<C> & { state?: JsonObject } = {},
): Promise<NodeTestRun<P>> {
  if (!definition.resume) throw new Error(`node type '${definition.type}' has no resume: it never waits`)
  const { ctx, logs, config } = prepare(definition, options)
  const result = await definition.resume(ctx, signal, config, options.state ?? {})
  return { result, logs, config }
}

function prepare<C extends z.ZodType, P extends string>(definition: NodeTypeDefinition<C, P>, options: NodeTestOptions<C>) {
  const parsed = definition.config.safeParse(options.config ?? {})
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`)
    throw new Error(`config for '${definition.type}' is not valid: ${problems.join('; ')}`)
  }
  const config = parsed.data as z.output<C>
  const problems = definition.check?.(config) ?? []
  if (problems.length > 0) throw new Error(`config for '${definition.type}' is not valid: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`)
  const logs: NodeTestRun<P>['logs'] = []
  const given = options.ctx ?? {}
  const input = given.input ?? {}
  const nodes = given.nodes ?? {}
  const params: Record<string, Json> = given.params ?? {}
  const scope = { input, nodes, params }
  const log = (level: 'info' | 'warn' | 'error') => (message: string, fields?: JsonObject) => logs.push({ level, message, fields })
  const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') }
  const ctx: NodeContext = {
    runId: 'test-run',
    flowId: 'test-flow',
    flowVersion: 1,
    nodeId: 'node',
    idempotencyKey: 'test-run:node',
    now: () => new Date(),
    log: logger,
    ai: noAi,
    secrets: { get: () => undefined },
    credentials: { get: (name) => Promise.reject(new Error(`no credential '${name}' in this test: pass ctx.credentials`)) },
    http: () => Promise.reject(new Error('no HTTP in this test: pass ctx.http')),
    ...given,
    input,
    nodes,
    params,
    evaluate: (expression, extra) => compileExpression(expression)(extra ? { ...scope, ...extra } : scope),
    render: (template, options) => renderTemplate(template, scope, options),
  }
  return { ctx, logs, config }
}

const noAi: AiService = {
  run: () => Promise.reject(new Error('no AI provider in this test: pass ctx.ai')),
}
