/**
 * What is wrong in an expression, and where: syntax errors from the same CEL
 * parser the runtime uses (`compileExpression`, with the parser's offset),
 * and references to steps, parameters or input fields that are not in scope.
 * Plain offsets, so the Monaco editor can turn them into markers and tests
 * need no browser.
 */
import { compileExpression, ExpressionError } from '../../../../node-types/expr/cel'
import type { ScopeVariable } from '../inspector/scope'

export interface ExpressionProblem {
  start: number
  end: number
  message: string
  severity: 'error' | 'warning'
}

/** `{{ expression }}` placeholders with where their expression starts. */
function placeholders(template: string): { source: string; offset: number }[] {
  const out: { source: string; offset: number }[] = []
  for (const m of template.matchAll(/\{\{(\s*)([^}]*?)\s*\}\}/g)) out.push({ source: m[2], offset: m.index + 2 + m[1].length })
  return out
}

export function expressionProblems(text: string, language: 'cel' | 'template', scope: ScopeVariable[]): ExpressionProblem[] {
  if (language === 'cel') return text.trim() === '' ? [] : celProblems(text, 0, scope)
  const problems = placeholders(text).flatMap((p) => (p.source === '' ? [{ start: p.offset - 2, end: p.offset + 2, message: 'empty placeholder', severity: 'error' as const }] : celProblems(p.source, p.offset, scope)))
  const open = text.lastIndexOf('{{')
  if (open >= 0 && text.indexOf('}}', open) < 0) problems.push({ start: open, end: text.length, message: 'this placeholder is not closed with }}', severity: 'error' })
  return problems
}

function celProblems(source: string, offset: number, scope: ScopeVariable[]): ExpressionProblem[] {
  try {
    compileExpression(source)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const at = error instanceof ExpressionError ? error.position : undefined
    if (at === undefined) return [{ start: offset, end: offset + source.length, message, severity: 'error' }]
    const start = Math.min(at, Math.max(0, source.length - 1))
    return [{ start: offset + start, end: offset + Math.max(start + 1, wordEnd(source, start)), message, severity: 'error' }]
  }
  return referenceProblems(source, scope).map((p) => ({ ...p, start: p.start + offset, end: p.end + offset }))
}

function wordEnd(source: string, from: number): number {
  const m = /^[\w.]+/.exec(source.slice(from))
  return from + (m ? m[0].length : 1)
}

/** Blank out string literals (same length), so names inside quotes are not taken for references. */
function withoutStrings(source: string): string {
  return source.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (s) => s[0] + ' '.repeat(s.length - 2) + s[s.length - 1])
}

/** Names after `nodes.` / `params.` / `input.` that the scope does not have. */
export function referenceProblems(source: string, scope: ScopeVariable[]): ExpressionProblem[] {
  const known = { nodes: new Set<string>(), params: new Set<string>(), input: new Set<string>() }
  for (const v of scope) {
    const m = /^(nodes|params|input)(?:\.([A-Za-z_]\w*)|\["([^"]+)"\])$/.exec(v.path)
    if (m) known[m[1] as keyof typeof known].add(m[2] ?? m[3])
  }
  const plain = withoutStrings(source)
  const problems: ExpressionProblem[] = []
  for (const m of plain.matchAll(/(?<![\w.])(nodes|params|input)\s*(?:\.\s*([A-Za-z_]\w*)|\[\s*(["']))/g)) {
    const root = m[1] as keyof typeof known
    let name = m[2]
    let start = m.index + m[0].length - (name?.length ?? 0)
    if (m[3]) {
      // The quoted name is blanked in `plain`; read it from the source.
      const quoted = /^(["'])((?:[^"'\\]|\\.)*)\1/.exec(source.slice(m.index + m[0].length - 1))
      if (!quoted) continue
      name = quoted[2]
      start = m.index + m[0].length
    }
    if (root === 'input' && known.input.size === 0) continue
    if (known[root].has(name)) continue
    const message =
      root === 'nodes' ? `no step “${name}” comes before this one, so its output is not available here` : root === 'params' ? `the flow has no parameter “${name}”` : `the flow’s input has no field “${name}”`
    problems.push({ start, end: start + name.length, message, severity: 'warning' })
  }
  return problems
}
