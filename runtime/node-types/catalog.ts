/**
 * The node types a runtime has: built-ins plus what each custom source (a
 * file or a package) defined, with the problems found. Sources can be set
 * again (a file reloaded in dev mode) or removed; `sync` then brings the
 * shared registry in line — replacing, adding and removing custom types —
 * and reports what changed. A built-in always wins over a custom type with
 * the same id; between two custom sources, the one loaded first wins.
 */
import { createRegistry, type MutableNodeTypeRegistry } from '../../node-types/registry.js'
import type { AnyNodeType } from '../../node-types/sdk/define-node-type.js'
import type { NodeTypeProblem } from './problems.js'

export interface SourceResult {
  /** A file path relative to the project, or `package:<name>`. */
  source: string
  definitions: AnyNodeType[]
  problems: NodeTypeProblem[]
}

/** What a `sync` changed; the payload of the SSE event `node-types`. */
export interface NodeTypeChange {
  added: string[]
  changed: string[]
  removed: string[]
  /** How many problems there are now (see `GET /api/node-types/problems`). */
  problems: number
}

export type NodeTypeCatalog = ReturnType<typeof createNodeTypeCatalog>

/**
 * A catalog over a registry that starts with `builtins`.
 *
 * @example
 * const catalog = createNodeTypeCatalog(builtinNodeTypes)
 * catalog.setSource({ source: 'node-types/custom/crm.ts', definitions: [crmLookup], problems: [] })
 * catalog.sync() // { added: ['crm-lookup'], changed: [], removed: [], problems: 0 }
 * catalog.registry.get('crm-lookup') // crmLookup
 */
export function createNodeTypeCatalog(builtins: readonly AnyNodeType[]) {
  const registry: MutableNodeTypeRegistry = createRegistry(builtins)
  const builtinTypes = new Set(builtins.map((d) => d.type))
  const sources = new Map<string, SourceResult>()
  let active = new Map<string, { def: AnyNodeType; source: string }>()
  let conflicts: NodeTypeProblem[] = []

  function sync(): NodeTypeChange {
    const next = new Map<string, { def: AnyNodeType; source: string }>()
    const found: NodeTypeProblem[] = []
    for (const { source, definitions } of sources.values()) {
      for (const def of definitions) {
        const owner = builtinTypes.has(def.type) ? 'a built-in type' : next.get(def.type)?.source
        if (owner === undefined) next.set(def.type, { def, source })
        else found.push({ source, type: def.type, code: 'node-type.duplicate', message: `${source}: node type '${def.type}' is already defined by ${owner}; give it another id` })
      }
    }
    const change: NodeTypeChange = { added: [], changed: [], removed: [], problems: 0 }
    for (const type of active.keys()) {
      if (next.has(type)) continue
      registry.remove(type)
      change.removed.push(type)
    }
    for (const [type, { def }] of next) {
      const before = active.get(type)?.def
      if (before === def) continue
      registry.replace(def)
      ;(before ? change.changed : change.added).push(type)
    }
    active = next
    conflicts = found
    change.problems = problems().length
    return change
  }

  function problems(): NodeTypeProblem[] {
    return [...[...sources.values()].flatMap((s) => s.problems), ...conflicts]
  }

  return {
    registry,
    /** Record what a source defines now (call `sync` to apply). */
    setSource: (result: SourceResult) => void sources.set(result.source, result),
    /** Forget a source (its file was deleted). */
    removeSource: (source: string) => sources.delete(source),
    getSource: (source: string) => sources.get(source),
    sync,
    problems,
    /** Where a type comes from: `builtin`, a file path or `package:<name>`. */
    originOf: (type: string): string | undefined => (builtinTypes.has(type) ? 'builtin' : active.get(type)?.source),
  }
}
