import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/api.js'
import { flow } from '../../helpers/flows.js'

const node = (id: string, type: string, config: Record<string, unknown> = {}) => ({ id, type, typeVersion: 1, position: { x: 0, y: 0 }, config })

/** One flow with one of each problem the validator knows (except a missing start, below). */
const broken = {
  schemaVersion: 1,
  id: 'broken',
  name: 'Broken on purpose',
  version: 0,
  parameters: [{ name: 'limit', label: 'Limit', type: 'number', value: 10 }],
  input: { type: 'object' },
  nodes: [
    node('start', 'start'),
    node('route', 'rule', {
      rules: [
        { when: 'input.amount > params.limit', port: 'big' },
        { when: 'input.amount > params.ceiling', port: 'huge' },
        { when: 'input.amount < 1', port: 'tiny' },
      ],
    }),
    node('magic', 'crystal-ball'),
    node('review', 'human-review', { approvals: 'two' }),
    node('done', 'end'),
    node('done', 'end'),
    node('orphan', 'end'),
    node('spin-a', 'rule', { rules: [{ when: 'true', port: 'out' }] }),
    node('spin-b', 'rule'),
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'route' },
    { id: 'e2', source: 'route', sourcePort: 'big', target: 'magic' },
    { id: 'e3', source: 'route', sourcePort: 'huge', target: 'reveiw' },
    { id: 'e4', source: 'route', sourcePort: 'huge', target: 'review' },
    { id: 'e5', source: 'route', sourcePort: 'default', target: 'spin-a' },
    { id: 'e6', source: 'spin-a', sourcePort: 'default', target: 'spin-b' },
    { id: 'e7', source: 'spin-b', sourcePort: 'default', target: 'spin-a' },
    { id: 'e8', source: 'spin-a', sourcePort: 'out', target: 'done' },
  ],
}

const expected = [
  { name: 'an unknown node type', code: 'node.unknown-type', path: '$.nodes[2].type', says: /'magic'.*'crystal-ball'.*not installed/ },
  { name: 'a bad config', code: 'node.bad-config', path: '$.nodes[3].config.approvals', says: /node 'review'.*approvals.*number/ },
  { name: 'a dangling edge', code: 'edge.dangling', path: '$.edges[2].target', says: /^edge e3 points to node 'reveiw', which does not exist$/ },
  { name: 'a duplicate node id', code: 'id.duplicate', path: '$.nodes[5].id', says: /node id 'done' is used by more than one node/ },
  { name: 'an unreachable node', code: 'node.unreachable', path: '$.nodes[6]', says: /'orphan' cannot be reached from the start/ },
  { name: 'an unconnected port', code: 'port.unconnected', path: '$.nodes[1]', says: /port 'tiny' of node 'route' is not connected/ },
  { name: 'an unknown parameter', code: 'param.unknown', path: '$.nodes[1].config.rules[1].when', says: /params\.ceiling.*no parameter 'ceiling'/ },
  { name: 'a cycle that never waits', code: 'flow.cycle-without-wait', path: expect.stringMatching(/^\$\.nodes\[(7|8)\]$/), says: /'spin-(a|b)', 'spin-(a|b)' form a loop with no wait/ },
]

describe('POST /api/flows/validate', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  it('answers 200 ok for a valid flow', async () => {
    const good = flow('good', [{ id: 'start', type: 'start' }, { id: 'end', type: 'end' }], ['start.next->end'])
    const res = await t.api('POST', '/api/flows/validate', good)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ ok: true })
  })

  it('answers 422 with ok false and a list of problems for a broken flow', async () => {
    const res = await t.api('POST', '/api/flows/validate', broken)
    expect(res.status).toBe(422)
    expect(res.body.ok).toBe(false)
    for (const p of res.body.problems) expect(p).toEqual({ path: expect.stringMatching(/^\$/), code: expect.any(String), message: expect.any(String) })
  })

  it.each(expected)('reports $name with its path, code and a sentence', async ({ code, path, says }) => {
    const res = await t.api('POST', '/api/flows/validate', broken)
    const found = res.body.problems.filter((p: { code: string }) => p.code === code)
    expect(found).toContainEqual({ code, path, message: expect.stringMatching(says) })
  })

  it('reports every problem at once and nothing else', async () => {
    const res = await t.api('POST', '/api/flows/validate', broken)
    const codes = res.body.problems.map((p: { code: string }) => p.code).sort()
    expect(codes).toEqual(expected.map((e) => e.code).sort())
  })

  it('reports a flow without a start node', async () => {
    const startless = flow('startless', [{ id: 'end', type: 'end' }], [])
    const res = await t.api('POST', '/api/flows/validate', startless)
    expect(res.status).toBe(422)
    expect(res.body.problems).toContainEqual({ path: '$.nodes', code: 'flow.missing-start', message: expect.stringMatching(/no start node/) })
  })

  it('reports an unknown parameter referenced with $param', async () => {
    const f = flow('p', [{ id: 'start', type: 'start' }, { id: 'r', type: 'human-review', config: { due: { $param: 'slaDays' } } }, { id: 'end', type: 'end' }], [
      'start.next->r',
      'r.approve->end',
      'r.reject->end',
    ])
    const res = await t.api('POST', '/api/flows/validate', f)
    expect(res.status).toBe(422)
    expect(res.body.problems).toContainEqual(expect.objectContaining({ code: 'param.unknown', path: '$.nodes[1].config.due', message: expect.stringContaining("'slaDays'") }))
  })

  it('reports what is wrong with a body that is not a flow at all', async () => {
    const res = await t.api('POST', '/api/flows/validate', { hello: 'world' })
    expect(res.status).toBe(422)
    const paths = res.body.problems.map((p: { path: string }) => p.path)
    expect(paths).toEqual(expect.arrayContaining(['$.schemaVersion', '$.id', '$.name', '$.nodes']))
  })

  it('reports a rule expression that does not parse', async () => {
    const f = flow('x', [{ id: 'start', type: 'start' }, { id: 'r', type: 'rule', config: { rules: [{ when: 'input.amount >', port: 'y' }] } }, { id: 'end', type: 'end' }], [
      'start.next->r',
      'r.y->end',
      'r.default->end',
    ])
    const res = await t.api('POST', '/api/flows/validate', f)
    expect(res.status).toBe(422)
    expect(res.body.problems).toContainEqual(expect.objectContaining({ code: 'expression.invalid', path: '$.nodes[1].config.rules[0].when' }))
  })

  it('reports a message template whose placeholder does not parse', async () => {
    const f = flow('tpl', [{ id: 'start', type: 'start' }, { id: 'r', type: 'human-review', config: { title: 'Loan of {{ input.amount > }}' } }, { id: 'end', type: 'end' }], [
      'start.next->r',
      'r.approve->end',
      'r.reject->end',
    ])
    const res = await t.api('POST', '/api/flows/validate', f)
    expect(res.status).toBe(422)
    expect(res.body.problems).toContainEqual(expect.objectContaining({ code: 'expression.invalid', path: '$.nodes[1].config.title' }))
  })
})
