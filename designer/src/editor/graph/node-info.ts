/**
 * What the canvas needs to draw a node beyond its description: its output
 * ports (dynamic for rules, reviews and customer answers) and a one-line
 * summary of its config. Built-in types use their own definition's
 * `portsFor` and `summary`; a custom type (known only to the server) falls
 * back to the description's fixed `outputs`. Results are cached per config
 * object, so an unchanged node costs nothing on the next render.
 */
import { substituteParamRefs } from '../../../../node-types/flow/param-ref'
import type { AnyNodeType } from '../../../../node-types/sdk/define-node-type'
import type { Flow, NodeTypeDescription } from '../../api/types'

export interface NodeInfo {
  ports: string[]
  summary: string
}

let builtins = new Map<string, AnyNodeType>()

/**
 * Hand over the built-in definitions. They are loaded on their own (see
 * load-builtins.ts), in parallel with the flow, so the editor chunk does not
 * carry zod and the expression library.
 */
export function registerBuiltins(definitions: readonly AnyNodeType[]): void {
  builtins = new Map(definitions.map((d) => [d.type, d]))
}
const cache = new WeakMap<object, { params: unknown; info: NodeInfo }>()

export function paramValues(flow: Pick<Flow, 'parameters'>): Record<string, unknown> {
  return Object.fromEntries((flow.parameters ?? []).map((p) => [p.name, p.value]))
}

export function nodeInfo(
  node: { type: string; typeVersion?: number; config?: Record<string, unknown> },
  desc: NodeTypeDescription | undefined,
  params: Record<string, unknown>,
): NodeInfo {
  const config = node.config ?? {}
  const hit = cache.get(config)
  if (hit && hit.params === params && desc) return hit.info
  const info = compute(node.type, config, desc, params)
  if (desc) cache.set(config, { params, info })
  return info
}

function compute(type: string, config: Record<string, unknown>, desc: NodeTypeDescription | undefined, params: Record<string, unknown>): NodeInfo {
  const def = builtins.get(type)
  const fallback: NodeInfo = { ports: desc ? [...desc.outputs] : [], summary: '' }
  if (!def || (desc && desc.version !== def.version)) return fallback
  const parsed = def.config.safeParse(substituteParamRefs(config, params))
  if (parsed.success) {
    return { ports: safe(() => def.portsFor(parsed.data), fallback.ports), summary: safe(() => def.summary?.(parsed.data) ?? '', '') }
  }
  // An invalid config still has ports worth drawing: try with defaults merged in.
  const loose = { ...(desc?.defaults ?? {}), ...config }
  return { ports: safe(() => def.portsFor(loose), fallback.ports), summary: '' }
}

function safe<T>(fn: () => T, otherwise: T): T {
  try {
    const value = fn()
    return Array.isArray(otherwise) && !Array.isArray(value) ? otherwise : value
  } catch {
    return otherwise
  }
}
