import { describe, expect, it } from 'vitest'
import type { ScopeVariable } from '../../designer/src/editor/inspector/scope'
import { completionsAt } from '../../designer/src/editor/monaco/completion-items'

const scope: ScopeVariable[] = [
  { path: 'input.amount', kind: 'input', detail: 'number' },
  { path: 'nodes.score', kind: 'node', detail: '' },
  { path: 'nodes.score.confidence', kind: 'field', detail: '' },
  { path: 'params.limit', kind: 'param', detail: '' },
]

describe('completion items', () => {
  it('after a dot, offers the variables under what is typed', () => {
    const found = completionsAt('input.amount > 1 && nodes.', 'cel', scope)!
    expect(found.typed).toBe('nodes.')
    expect(found.items.map((i) => i.label)).toEqual(['nodes.score', 'nodes.score.confidence'])
  })

  it('at the start of a name, offers the roots, the variables and the functions', () => {
    const labels = completionsAt('', 'cel', scope)!.items.map((i) => i.label)
    expect(labels).toEqual(expect.arrayContaining(['input', 'nodes', 'params', 'input.amount', 'size', 'has']))
  })

  it('offers nothing inside a string or right after a number', () => {
    expect(completionsAt('input.amount == "ab', 'cel', scope)).toBeNull()
    expect(completionsAt('input.amount > 1.', 'cel', scope)).toBeNull()
  })

  it('in a template, offers variables only inside {{ }}', () => {
    expect(completionsAt('Dear customer', 'template', scope)).toBeNull()
    expect(completionsAt("Dear customer's {{ params.", 'template', scope)!.items.map((i) => i.label)).toEqual(['params.limit'])
  })
})
