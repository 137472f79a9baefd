/**
 * Expressions: CEL (Common Expression Language) via @marcbachmann/cel-js.
 * Non-Turing-complete and bounded here in length, depth and size; user text is
 * parsed, never handed to eval or new Function.
 */
import { Environment } from '@marcbachmann/cel-js'

/** Longest expression accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 2000

const env = new Environment({
  unlistedVariablesAreDyn: true,
  homogeneousAggregateLiterals: false,
  limits: { maxAstNodes: 400, maxDepth: 24, maxListElements: 200, maxMapEntries: 200, maxCallArguments: 8 },
})
  .registerVariable('input', 'map', { description: 'The input the run started with' })
  .registerVariable('nodes', 'map', { description: 'Outputs of earlier nodes, by node id' })
  .registerVariable('params', 'map', { description: 'Flow parameters in force for this run' })

/** The variables every expression can see, for editors that complete names. */
export const EXPRESSION_ROOTS = ['input', 'nodes', 'params'] as const

export class ExpressionError extends Error {
  readonly code = 'expression.invalid'
  constructor(message: string) {
    super(message)
    this.name = 'ExpressionError'
  }
}

export type CompiledExpression = ((scope: Record<string, unknown>) => unknown) & { source: string }

const cache = new Map<string, CompiledExpression>()

/** Parse once (cached by source); throws ExpressionError with the position of a syntax error. */
export function compileExpression(source: string): CompiledExpression {
  const hit = cache.get(source)
  if (hit) return hit
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(`expression is ${source.length} characters long; the limit is ${MAX_EXPRESSION_LENGTH}`)
  }
  if (source.trim() === '') throw new ExpressionError('expression is empty')
  let program: (ctx: Record<string, unknown>) => unknown
  try {
    program = env.parse(source) as unknown as (ctx: Record<string, unknown>) => unknown
  } catch (error) {
    throw new ExpressionError(firstLine(error))
  }
  const compiled = Object.assign((scope: Record<string, unknown>) => {
    try {
      return fromCel(program(scope))
    } catch (error) {
      throw new ExpressionError(`${firstLine(error)} in '${source}'`)
    }
  }, { source })
  if (cache.size > 5000) cache.clear()
  cache.set(source, compiled)
  return compiled
}

/** Evaluate an expression to a boolean; anything but `true` is false. */
export function evaluateCondition(source: string, scope: Record<string, unknown>): boolean {
  return compileExpression(source)(scope) === true
}

/** Parameter names an expression refers to as `params.<name>` or `params["<name>"]`. */
export function referencedParameters(source: string): string[] {
  const names = new Set<string>()
  for (const match of source.matchAll(/\bparams\s*(?:\.\s*([A-Za-z_]\w*)|\[\s*["']([^"']+)["']\s*\])/g)) {
    names.add(match[1] ?? match[2])
  }
  return [...names]
}

/** CEL ints are BigInt; JSON has only numbers. */
function fromCel(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value)
  if (Array.isArray(value)) return value.map(fromCel)
  if (value instanceof Map) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of value) out[String(k)] = fromCel(v)
    return out
  }
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = fromCel(v)
    return out
  }
  return value
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0].trim()
}
