/** Small flows for API tests, built from nodes and `source.port->target` edges. */

export interface NodeSpec {
  id: string
  type: string
  config?: Record<string, unknown>
}

export interface TestFlow {
  schemaVersion: 1
  id: string
  name: string
  description: string
  version: number
  parameters: unknown[]
  input: Record<string, unknown>
  nodes: { id: string; type: string; typeVersion: number; position: { x: number; y: number }; config: Record<string, unknown> }[]
  edges: { id: string; source: string; sourcePort: string; target: string }[]
}

export function flow(id: string, nodes: NodeSpec[], edges: string[], extra: Partial<TestFlow> = {}): TestFlow {
  return {
    schemaVersion: 1,
    id,
    name: id,
    description: '',
    version: 0,
    parameters: [],
    input: { type: 'object' },
    nodes: nodes.map((n, i) => ({ id: n.id, type: n.type, typeVersion: 1, position: { x: i * 200, y: 0 }, config: n.config ?? {} })),
    edges: edges.map((e, i) => {
      const [from, target] = e.split('->')
      const [source, sourcePort] = from.split('.')
      return { id: `e${i + 1}`, source, sourcePort, target }
    }),
    ...extra,
  }
}

/** start → review (approve/reject) → one end per decision; `review` config merged in. */
export function reviewFlow(id: string, review: Record<string, unknown> = {}, outcomes = { approve: 'approved', reject: 'rejected' }): TestFlow {
  return flow(
    id,
    [
      { id: 'start', type: 'start' },
      { id: 'review', type: 'human-review', config: { title: 'Check case', role: 'checker', ...review } },
      { id: 'approved', type: 'end', config: { outcome: outcomes.approve } },
      { id: 'rejected', type: 'end', config: { outcome: outcomes.reject } },
    ],
    ['start.next->review', 'review.approve->approved', 'review.reject->rejected'],
  )
}

/** start → a rule with one condition → an end per port. */
export function ruleFlow(id: string, when: string, input: Record<string, unknown> = { type: 'object' }): TestFlow {
  return flow(
    id,
    [
      { id: 'start', type: 'start' },
      { id: 'check', type: 'rule', config: { rules: [{ when, port: 'yes' }] } },
      { id: 'yes', type: 'end', config: { outcome: 'yes' } },
      { id: 'no', type: 'end', config: { outcome: 'no' } },
    ],
    ['start.next->check', 'check.yes->yes', 'check.default->no'],
    { input },
  )
}

/** start → customer-confirmation (choose a date from `input.dates`) → an end per port. */
export function chooseFlow(id: string, extra: Record<string, unknown> = {}): TestFlow {
  return flow(
    id,
    [
      { id: 'start', type: 'start' },
      {
        id: 'pick',
        type: 'customer-confirmation',
        config: {
          kind: 'choose',
          to: 'input.email',
          subject: 'Pick a delivery date',
          message: 'Hello {{ input.name }}, when should we deliver?',
          options: 'input.dates',
          expiresIn: 'P2D',
          remindBefore: [],
          ...extra,
        },
      },
      { id: 'chosen', type: 'end', config: { outcome: 'chosen' } },
      { id: 'expired', type: 'end', config: { outcome: 'expired' } },
    ],
    ['start.next->pick', 'pick.choose->chosen', 'pick.expired->expired'],
  )
}
