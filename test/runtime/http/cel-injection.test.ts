/**
 * Hostile rule expressions: each must either fail validation (422) or, once
 * running, end the run cleanly and quickly — never run JavaScript, never hang.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishFlow, startTestServer, waitForRunStatus, type TestServer } from '../../helpers/api.js'
import { ruleFlow } from '../../helpers/flows.js'

const list = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(',')}]`
const nestedAll = (n: number, depth: number): string => (depth === 0 ? 'true' : `${list(n)}.all(x${depth}, ${nestedAll(n, depth - 1)})`)

const HOSTILE: [string, string][] = [
  ['a call to process.exit()', 'process.exit()'],
  ['a Function constructor reached through this', 'this.constructor.constructor("return process")()'],
  ['a Function constructor reached through input', 'input.constructor.constructor("globalThis.pwned = 1")()'],
  ['a Function constructor reached through a string', '"".constructor.constructor("globalThis.pwned = 1")() == 1'],
  ['input.__proto__', 'input.__proto__ == null'],
  ['an indexed __proto__', 'input["__proto__"]["polluted"] == "yes"'],
  ['a map literal with a __proto__ key', '{"__proto__": {"polluted": "yes"}}.polluted == "yes"'],
  ['a string repeat', '"a".repeat(100000000) == ""'],
  ['a JavaScript template literal', '`${globalThis.pwned = 1}` == ""'],
  ['an expression over the length limit', `1 == 1${' && true'.repeat(400)}`],
  ['brackets nested 200 deep', `${'('.repeat(200)}true${')'.repeat(200)}`],
  ['a list literal over the size limit', `size(${list(1000)}) > 0`],
]

/** Inputs that make an unbounded evaluator spin for seconds. */
const SLOW: [string, string, Record<string, unknown>][] = [
  ['catastrophic regex backtracking on run input', 'input.note.matches("^(a+)+$")', { note: `${'a'.repeat(27)}!` }],
  ['six nested comprehensions', nestedAll(22, 6), {}],
]

const FAST_MS = 1_000

describe('CEL injection attempts in rule expressions', () => {
  let t: TestServer
  let n = 0
  beforeAll(async () => {
    t = await startTestServer()
  })
  afterAll(() => t.close())

  /** Validate; when valid, publish and run it. Returns the run (or undefined when refused). */
  async function tryExpression(when: string, input: Record<string, unknown> = { note: 'x' }) {
    const f = ruleFlow(`cel-${++n}`, when)
    const validated = await t.api('POST', '/api/flows/validate', f)
    if (validated.status === 422) {
      expect(validated.body.problems.some((p: { path: string }) => p.path.startsWith('$.nodes[1].config.rules[0].when'))).toBe(true)
      return { refused: true as const, run: undefined }
    }
    expect(validated.status).toBe(200)
    await publishFlow(t.api, f)
    const started = await t.api('POST', `/api/flows/${f.id}/runs`, { input })
    expect(started.status).toBe(201)
    return { refused: false as const, run: await waitForRunStatus(t.api, started.body.runId) }
  }

  it.each(HOSTILE)('refuses or cleanly fails %s without running JavaScript', async (_name, when) => {
    const { refused, run } = await tryExpression(when)
    if (!refused) {
      expect(run.status).toBe('failed')
      expect(run.error.message).toMatch(/check/)
    }
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it.each(SLOW)('refuses or ends within a second a rule with %s', async (_name, when, input) => {
    const started = Date.now()
    const { refused, run } = await tryExpression(when, input)
    expect(Date.now() - started).toBeLessThan(FAST_MS)
    if (!refused) expect(['failed', 'completed']).toContain(run.status)
  })

  it('still evaluates an ordinary expression after the attempts', async () => {
    const { run } = await tryExpression('size(input.note) == 1 && input.note.startsWith("x")')
    expect(run).toMatchObject({ status: 'completed', outcome: 'yes' })
  })
})
