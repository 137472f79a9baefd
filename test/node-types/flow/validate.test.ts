import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtinNodeTypes } from '../../../node-types/builtin/index.js'
import { validateFlow, type Problem } from '../../../node-types/flow/validate.js'
import { createRegistry } from '../../../node-types/registry.js'

const registry = createRegistry(builtinNodeTypes)
const loan = JSON.parse(readFileSync(new URL('../../../examples/loan-approval.flow.json', import.meta.url), 'utf8'))

function problems(doc: unknown): Problem[] {
  const result = validateFlow(doc, registry)
  return result.ok ? [] : result.problems
}

function withChange(change: (flow: typeof loan) => void) {
  const copy = structuredClone(loan)
  change(copy)
  return problems(copy)
}

describe('the flow validator', () => {
  it('accepts the loan-approval example', () => {
    expect(problems(loan)).toEqual([])
  })

  it('reports every problem of a broken flow at once, each with a path, a code and a sentence', () => {
    const found = withChange((f) => {
      f.nodes.push({ id: 'score', type: 'rule', typeVersion: 1, position: { x: 0, y: 0 }, config: {} })
      f.nodes.push({ id: 'orphan', type: 'end', typeVersion: 1, position: { x: 0, y: 0 }, config: {} })
      f.nodes.push({ id: 'mystery', type: 'crm-lookup', typeVersion: 1, position: { x: 0, y: 0 }, config: {} })
      f.nodes.find((n: { id: string }) => n.id === 'review').config.approvals = 9
      f.nodes.find((n: { id: string }) => n.id === 'route').config.rules[0].when = 'input.amount >= params.fourEyesLimit'
      f.nodes.push({ id: 'loop', type: 'rule', typeVersion: 1, position: { x: 0, y: 0 }, config: { rules: [{ when: 'true', port: 'again' }] } })
      f.edges = f.edges.filter((e: { id: string }) => e.id !== 'e10')
      f.edges.push({ id: 'e11', source: 'four-eyes', sourcePort: 'approve', target: 'reveiw' })
      f.edges.push({ id: 'e11', source: 'loop', sourcePort: 'again', target: 'loop' })
      f.edges.push({ id: 'e12', source: 'loop', sourcePort: 'default', target: 'loop' })
    })
    expect(found.map((p) => p.code).sort()).toEqual([
      'edge.dangling',
      'flow.cycle-without-wait',
      'id.duplicate',
      'id.duplicate',
      'node.bad-config',
      'node.unknown-type',
      'node.unreachable',
      'node.unreachable',
      'node.unreachable',
      'param.unknown',
      'port.unconnected',
    ])
    for (const p of found) {
      expect(p.path).toMatch(/^\$/)
      expect(p.message.length).toBeGreaterThan(10)
    }
    expect(found).toContainEqual({ path: '$.edges[9].target', code: 'edge.dangling', message: "edge e11 points to node 'reveiw', which does not exist" })
    expect(found).toContainEqual(expect.objectContaining({ path: '$.nodes[3].config.approvals', code: 'node.bad-config' }))
    expect(found).toContainEqual(expect.objectContaining({ path: '$.nodes[2].config.rules[0].when', code: 'param.unknown' }))
    expect(found).toContainEqual(expect.objectContaining({ path: '$.nodes[4]', code: 'port.unconnected', message: expect.stringContaining("'reject' of node 'four-eyes'") }))
  })

  it('reports a flow without a start node', () => {
    const found = withChange((f) => (f.nodes[0].type = 'begin'))
    expect(found.map((p) => p.code)).toEqual(['node.unknown-type', 'flow.missing-start'])
  })

  it('names the missing port when a rule outcome leads nowhere', () => {
    const found = withChange((f) => (f.edges = f.edges.filter((e: { id: string }) => e.id !== 'e4')))
    expect(found).toEqual([
      { path: '$.nodes[2]', code: 'port.unconnected', message: "port 'auto-approve' of node 'route' is not connected; connect it to the next step" },
    ])
  })

  it('refuses a loop that never waits and accepts one that waits for a person', () => {
    const base = {
      schemaVersion: 1,
      id: 'loop',
      name: 'Loop',
      nodes: [
        { id: 'start', type: 'start', typeVersion: 1, position: { x: 0, y: 0 }, config: {} },
        { id: 'again', type: 'rule', typeVersion: 1, position: { x: 0, y: 0 }, config: { rules: [{ when: 'true', port: 'loop' }] } },
        { id: 'end', type: 'end', typeVersion: 1, position: { x: 0, y: 0 }, config: {} },
      ],
      edges: [
        { id: 'a', source: 'start', sourcePort: 'next', target: 'again' },
        { id: 'b', source: 'again', sourcePort: 'loop', target: 'again' },
        { id: 'c', source: 'again', sourcePort: 'default', target: 'end' },
      ],
    }
    expect(problems(base).map((p) => p.code)).toEqual(['flow.cycle-without-wait'])
    const waiting = structuredClone(base)
    waiting.nodes.push({ id: 'ask', type: 'human-review', typeVersion: 1, position: { x: 0, y: 0 }, config: {} })
    waiting.edges[1].target = 'ask'
    waiting.edges.push({ id: 'd', source: 'ask', sourcePort: 'approve', target: 'again' }, { id: 'e', source: 'ask', sourcePort: 'reject', target: 'end' })
    expect(problems(waiting)).toEqual([])
  })

  it('reports an expression that does not parse where it is written', () => {
    const found = withChange((f) => (f.nodes[2].config.rules[1].when = 'nodes.score.value >='))
    expect(found).toEqual([expect.objectContaining({ path: '$.nodes[2].config.rules[1].when', code: 'expression.invalid' })])
  })

  it('reports a parameter reference to a parameter the flow lacks', () => {
    const found = withChange((f) => (f.nodes[3].config.due = { $param: 'reviewDays' }))
    expect(found).toEqual([expect.objectContaining({ path: '$.nodes[3].config.due', code: 'param.unknown' })])
  })

  it('reports a node that needs a newer node-type version than is installed', () => {
    const found = withChange((f) => (f.nodes[1].typeVersion = 7))
    expect(found).toEqual([expect.objectContaining({ path: '$.nodes[1].typeVersion', code: 'node.type-version' })])
  })

  it('reports a document that is not a flow at all without throwing', () => {
    expect(problems('hello').length).toBeGreaterThan(0)
    expect(problems(null).length).toBeGreaterThan(0)
    expect(problems({ schemaVersion: 1, nodes: 'x' }).map((p) => p.code)).toContain('schema.invalid')
  })
})
