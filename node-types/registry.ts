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

/** A registry that can change while the runtime runs: custom types are added, reloaded and removed. */
export interface MutableNodeTypeRegistry extends NodeTypeRegistry {
  /** Add a new type; throws if its id is taken. */
  add(def: AnyNodeType): void
  /** Put `def` in place of the type with the same id (keeping its place in `list()`), or add it. */
  replace(def: AnyNodeType): void
  /** Remove a type; true if it was there. */
  remove(type: string): boolean
}

/**
 * A registry holding `definitions`, in order.
 *
 * @example
 * const registry = createRegistry([...builtinNodeTypes, crmLookup])
 * registry.replace(crmLookupV2) // a reloaded file
 * registry.get('crm-lookup')?.version // 2
 */
export function createRegistry(definitions: Iterable<AnyNodeType>): MutableNodeTypeRegistry {
  const byType = new Map<string, AnyNodeType>()
  const registry: MutableNodeTypeRegistry = {
    add(def) {
      if (byType.has(def.type)) throw new Error(`Node type '${def.type}' is defined twice.`)
      byType.set(def.type, def)
    },
    replace: (def) => void byType.set(def.type, def),
    remove: (type) => byType.delete(type),
    get: (type) => byType.get(type),
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
