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
  /** Offset (0-based) in the source where a syntax error was found, when the parser knows it. */
  readonly position?: number
  constructor(message: string, position?: number) {
    super(message)
    this.name = 'ExpressionError'
    if (position !== undefined) this.position = position
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
  let program: ((ctx: Record<string, unknown>) => unknown) & { ast: unknown }
  try {
    program = env.parse(source) as unknown as typeof program
  } catch (error) {
    throw new ExpressionError(firstLine(error), positionOf(error))
  }
  checkCost(program.ast)
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

/** List macros: each walks a list, so nesting them multiplies the work. */
const LOOPS = new Set(['all', 'exists', 'exists_one', 'map', 'filter'])
const MAX_LOOPS = 4

/**
 * Keep evaluation linear in the size of the data: no loop inside a loop, a
 * few loops at most, and no regular expressions (JavaScript's backtracking
 * RegExp can take exponential time on a crafted input).
 */
function checkCost(ast: unknown): void {
  let loops = 0
  const walk = (node: unknown, depth: number): void => {
    if (Array.isArray(node)) return node.forEach((child) => walk(child, depth))
    if (!node || typeof node !== 'object') return
    const { op, args } = node as { op?: string; args?: unknown }
    if ((op === 'rcall' || op === 'call') && Array.isArray(args) && typeof args[0] === 'string') {
      const name = args[0]
      if (name === 'matches') throw new ExpressionError('regular expressions (matches) are not allowed; use contains, startsWith or endsWith')
      if (LOOPS.has(name)) {
        if (depth >= 1) throw new ExpressionError(`'${name}' inside another list macro is not allowed; it multiplies the work`)
        if (++loops > MAX_LOOPS) throw new ExpressionError(`at most ${MAX_LOOPS} list macros (all, exists, map, filter) per expression`)
        return args.slice(1).forEach((child) => walk(child, depth + 1))
      }
    }
    walk(args, depth)
  }
  walk(ast, 0)
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

function positionOf(error: unknown): number | undefined {
  const pos = (error as { node?: { pos?: unknown } })?.node?.pos
  return typeof pos === 'number' && Number.isInteger(pos) && pos >= 0 ? pos : undefined
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0].trim()
}
