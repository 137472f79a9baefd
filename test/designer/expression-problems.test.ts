import { describe, expect, it } from 'vitest'
import type { ScopeVariable } from '../../designer/src/editor/inspector/scope'
import { expressionProblems } from '../../designer/src/editor/monaco/expression-problems'

const scope: ScopeVariable[] = [
  { path: 'input.amount', kind: 'input', detail: '' },
  { path: 'nodes.score', kind: 'node', detail: '' },
  { path: 'nodes.score.value', kind: 'field', detail: '' },
  { path: 'nodes["four-eyes"]', kind: 'node', detail: '' },
  { path: 'params.limit', kind: 'param', detail: '' },
]

describe('expression problems', () => {
  it('marks a syntax error where the parser found it', () => {
    const [p] = expressionProblems('input.amount >> 3', 'cel', scope)
    expect(p).toMatchObject({ severity: 'error', start: 14 })
    expect(p.message).toMatch(/Unexpected token/)
  })

  it('finds nothing wrong in a good expression', () => {
    expect(expressionProblems('input.amount >= params.limit && nodes.score.value > 0.5 && nodes["four-eyes"].decision == "approve"', 'cel', scope)).toEqual([])
  })

  it('warns about a step, parameter or input field that is not in scope, at its name', () => {
    const text = 'nodes.scroe.value > params.limt || input.amout > 1'
    const problems = expressionProblems(text, 'cel', scope)
    expect(problems.map((p) => [p.severity, text.slice(p.start, p.end)])).toEqual([
      ['warning', 'scroe'],
      ['warning', 'limt'],
      ['warning', 'amout'],
    ])
  })

  it('does not take names inside strings for references', () => {
    expect(expressionProblems('input.amount > 1 && "nodes.nothing" != ""', 'cel', scope)).toEqual([])
  })

  it('places problems of a template placeholder at their offset in the template', () => {
    const text = 'Loan of {{ input.amount }} for {{ nodes.nope }}'
    const [p] = expressionProblems(text, 'template', scope)
    expect(text.slice(p.start, p.end)).toBe('nope')
  })

  it('says when a placeholder is not closed', () => {
    expect(expressionProblems('Hello {{ input.amount', 'template', scope).map((p) => p.message)).toContain('this placeholder is not closed with }}')
  })
})
