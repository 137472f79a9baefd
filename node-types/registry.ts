/**
 * A registry of node types by id: what the validator, the engine and the
 * API look types up in. Built-ins and custom types go through the same door.
 */
import { z } from 'zod'
import type { AnyNodeType } from './sdk/define-node-type.js'

export interface NodeTypeRegistry {
  get(type: string): AnyNodeType | undefined
  list(): AnyNodeType[]
}

export function createRegistry(definitions: Iterable<AnyNodeType>): NodeTypeRegistry & { add(def: AnyNodeType): void } {
  const byType = new Map<string, AnyNodeType>()
  const registry = {
    add(def: AnyNodeType) {
      if (byType.has(def.type)) throw new Error(`Node type '${def.type}' is defined twice.`)
      byType.set(def.type, def)
    },
    get: (type: string) => byType.get(type),
    list: () => [...byType.values()],
  }
  for (const def of definitions) registry.add(def)
  return registry
}

/** The public description of a node type, as `GET /api/node-types` returns it. */
export interface NodeTypeDescription {
  type: string
  version: number
  title: string
  description: string
  category: string
  icon: string
  color: string
  inputs: string[]
  /** Fixed output ports; empty when ports come from the config (see `dynamicOutputs`). */
  outputs: string[]
  dynamicOutputs: boolean
  waits: boolean
  configSchema: Record<string, unknown>
  defaults: Record<string, unknown>
}

export function describeNodeType(def: AnyNodeType): NodeTypeDescription {
  const dynamic = typeof def.outputs === 'function'
  return {
    type: def.type,
    version: def.version,
    title: def.title,
    description: def.description,
    category: def.category,
    icon: def.icon,
    color: def.color,
    inputs: [...def.inputs],
    outputs: dynamic ? [] : [...(def.outputs as readonly string[])],
    dynamicOutputs: dynamic,
    waits: def.waits === true,
    configSchema: z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
    defaults: defaultsOf(def),
  }
}

function defaultsOf(def: AnyNodeType): Record<string, unknown> {
  const parsed = def.config.safeParse({})
  return parsed.success ? (parsed.data as Record<string, unknown>) : {}
}
