/**
 * Pick the node type definitions out of a module's exports, and say what is
 * wrong with anything that looks like one but is not usable: a spec that did
 * not go through `defineNodeType`, or a config schema the designer cannot show.
 * Packages may export plain specs: they cannot always resolve `inloop` at run
 * time (in an Inloop checkout it is the project itself, not a dependency), so
 * the loader passes their specs through `defineNodeType` for them.
 */
import { describeNodeType } from '../../node-types/registry.js'
import { defineNodeType, type AnyNodeType } from '../../node-types/sdk/define-node-type.js'
import { errorText, type NodeTypeProblem } from './problems.js'

export interface InspectedModule {
  definitions: AnyNodeType[]
  problems: NodeTypeProblem[]
}

/**
 * Every `defineNodeType` value among `exports` (named or default), once each.
 *
 * @example
 * const { definitions, problems } = inspectExports(await import(url), 'node-types/custom/crm.ts')
 */
export function inspectExports(exports: Record<string, unknown>, source: string, options: { acceptSpecs?: boolean } = {}): InspectedModule {
  const definitions: AnyNodeType[] = []
  const problems: NodeTypeProblem[] = []
  const seen = new Set<unknown>()
  for (const [name, value] of Object.entries(exports)) {
    if (seen.has(value)) continue
    seen.add(value)
    const def = isDefinition(value) ? value : options.acceptSpecs && looksLikeSpec(value) ? finish(value, name, source, problems) : undefined
    if (def) {
      const problem = configSchemaProblem(def, name, source)
      if (problem) problems.push(problem)
      else definitions.push(def)
    } else if (looksLikeSpec(value) && !options.acceptSpecs) {
      problems.push({
        source,
        code: 'node-type.not-a-definition',
        type: value.type,
        export: name,
        message: `${source}: export '${name}' looks like node type '${value.type}' but was not made with defineNodeType({...}); wrap it so its ports and config are checked`,
      })
    }
  }
  if (definitions.length === 0 && problems.length === 0) {
    problems.push({
      source,
      code: 'node-type.none-exported',
      message: `${source} exports no node type; export a defineNodeType({...}) value (files starting with '_' are helpers and are not loaded)`,
    })
  }
  return { definitions, problems }
}

/** What `defineNodeType` returns: a spec plus `inputs` and `portsFor`. */
export function isDefinition(value: unknown): value is AnyNodeType {
  if (!looksLikeSpec(value)) return false
  const v = value as unknown as Record<string, unknown>
  return typeof v.portsFor === 'function' && Array.isArray(v.inputs) && typeof v.version === 'number'
}

function looksLikeSpec(value: unknown): value is { type: string; execute: unknown } {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.type === 'string' && typeof v.execute === 'function'
}

/** `defineNodeType(spec)`, or a problem saying why the spec is refused. */
function finish(spec: { type: string }, name: string, source: string, problems: NodeTypeProblem[]): AnyNodeType | undefined {
  try {
    return defineNodeType(spec as Parameters<typeof defineNodeType>[0]) as AnyNodeType
  } catch (error) {
    problems.push({ source, code: 'node-type.not-a-definition', type: spec.type, export: name, message: `${source}: export '${name}' is not a valid node type: ${errorText(error)}` })
    return undefined
  }
}

function configSchemaProblem(def: AnyNodeType, name: string, source: string): NodeTypeProblem | undefined {
  const config = def.config as unknown as { safeParse?: unknown } | undefined
  const base = { source, code: 'node-type.bad-config-schema' as const, type: def.type, export: name }
  if (typeof config?.safeParse !== 'function') {
    return { ...base, message: `${source}: node type '${def.type}' has no zod config schema; use config: z.object({...})` }
  }
  try {
    describeNodeType(def)
    return undefined
  } catch (error) {
    return { ...base, message: `${source}: node type '${def.type}' has a config schema the designer cannot show as JSON Schema: ${errorText(error)}` }
  }
}
