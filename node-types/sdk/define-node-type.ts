/**
 * `defineNodeType`: the one way to describe a node type. The palette, the
 * inspector form, validation, the docs and the runtime all read this value.
 */
import type { z } from 'zod'
import type { JsonObject, NodeCategory, NodeContext, NodeResult, ResumeSignal } from './types.js'

/** A problem a node type finds in its own config beyond the zod schema. */
export interface ConfigProblem {
  /** Path inside the node's config, e.g. `['rules', 0, 'when']`. */
  path: (string | number)[]
  message: string
}

export interface NodeTypeSpec<C extends z.ZodType, P extends string> {
  /** Stable id, kebab-case: `human-review`. Saved in every flow file. */
  type: string
  /** Bump when the config shape changes; provide `migrate` for old configs. */
  version: number
  title: string
  description: string
  category: NodeCategory
  /** Icon name the designer draws (see designer/src/ui/icon-paths.ts for the names it knows). */
  icon: string
  /** Accent colour, CSS hex. */
  color: string
  /** Input port names. Default `['in']`; a trigger has none. */
  inputs?: readonly string[]
  /** Output ports: fixed names, or computed from the config (one per decision). */
  outputs: readonly P[] | ((config: z.output<C>) => string[])
  /** Config schema: defaults via `.default()`, help text via `.meta({ title, description })`. */
  config: C
  /** One line shown on the canvas, e.g. "confidence ≥ 0.85". */
  summary?: (config: z.output<C>) => string
  /** True when `execute` may return a wait (a person, a customer or a timer). */
  waits?: boolean
  /** False for side effects that must not run twice (a payment). Default true. */
  retrySafe?: boolean
  /**
   * How a replay on past runs (trying a draft, a what-if) gets this step's
   * result without side effects:
   * - `'execute'`: `execute` (and `resume`) only compute; a replay runs them
   *   again, so a changed config takes effect. `ctx.ai` answers with the
   *   recorded proposal while the request is unchanged (a local model runs
   *   again otherwise), `ctx.http` with recorded responses, and a wait is
   *   answered by the person's recorded decision where the same question was asked.
   * - `'recorded'` (the default): the step reaches outside Inloop, so a replay
   *   takes the port and output it recorded, as long as its config and input
   *   are unchanged; otherwise the case cannot be told.
   */
  replay?: 'execute' | 'recorded'
  /** Turn a config saved by an older `version` into the current shape. */
  migrate?: (config: unknown, fromVersion: number) => unknown
  /** Checks the schema cannot express. */
  check?: (config: z.output<C>) => ConfigProblem[]
  /** The CEL expressions in a config, so the validator can parse them and check `params.*`. */
  expressions?: (config: z.output<C>) => { path: (string | number)[]; source: string }[]
  /**
   * A join: the engine gathers the branches of a split here. Say how many
   * arrivals complete it (`'all'`: one per incoming edge). `execute` runs
   * once they are in, with `input.branches` (what each brought, in arrival
   * order); branches still running are then cancelled.
   */
  gathers?: (config: z.output<C>) => number | 'all'
  /**
   * The published flows this node runs as child runs (a sub-flow), so the
   * validator can refuse a flow that calls itself, directly or through others.
   */
  calls?: (config: z.output<C>) => { flowId: string; version?: number }[]
  /** Output ports that may stay unconnected (an unconnected `error` port fails the run instead). */
  optionalOutputs?: readonly string[]
  /** Run the node. Return the port it leaves by, or a wait. */
  execute: (ctx: NodeContext, input: JsonObject, config: z.output<C>) => NodeResult<NoInfer<P>> | Promise<NodeResult<NoInfer<P>>>
  /** Called when a wait gets a decision, an answer or a timer. */
  resume?: (
    ctx: NodeContext,
    signal: ResumeSignal,
    config: z.output<C>,
    state: JsonObject,
  ) => NodeResult<NoInfer<P>> | Promise<NodeResult<NoInfer<P>>>
}

export interface NodeTypeDefinition<C extends z.ZodType = z.ZodType, P extends string = string>
  extends NodeTypeSpec<C, P> {
  inputs: readonly string[]
  /** Output port names for a given (parsed) config. */
  portsFor(config: z.output<C>): string[]
}

/** Any definition, whatever its config and ports. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyNodeType = NodeTypeDefinition<any, string>

/**
 * Define a node type.
 *
 * @example
 * import { z } from 'zod'
 * import { defineNodeType } from 'inloop/node-types'
 *
 * export const greet = defineNodeType({
 *   type: 'greet',
 *   version: 1,
 *   title: 'Greet',
 *   description: 'Says hello to the customer by name.',
 *   category: 'data',
 *   icon: 'message',
 *   color: '#0ea5e9',
 *   outputs: ['done'],
 *   config: z.object({
 *     greeting: z.string().default('Hello').meta({ title: 'Greeting' }),
 *   }),
 *   summary: (config) => `${config.greeting}, …`,
 *   execute: (ctx, input, config) => ({
 *     port: 'done',
 *     data: { text: `${config.greeting}, ${String(ctx.input.name)}` },
 *   }),
 * })
 */
export function defineNodeType<C extends z.ZodType, const P extends string>(
  spec: NodeTypeSpec<C, P>,
): NodeTypeDefinition<C, P> {
  if (!/^[a-z][a-z0-9-]*(\/[a-z][a-z0-9-]*)?$/.test(spec.type)) {
    throw new Error(`Node type id '${spec.type}' must be kebab-case (letters, digits, dashes), e.g. 'crm-lookup'.`)
  }
  if (!Number.isInteger(spec.version) || spec.version < 1) {
    throw new Error(`Node type '${spec.type}': version must be a whole number ≥ 1.`)
  }
  const outputs = spec.outputs
  const portsFor =
    typeof outputs === 'function'
      ? (config: z.output<C>) => (outputs as (c: z.output<C>) => string[])(config)
      : () => [...(outputs as readonly string[])]
  return Object.freeze({ ...spec, inputs: spec.inputs ?? ['in'], portsFor })
}
