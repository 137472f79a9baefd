import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtinNodeTypes } from '../../../node-types/builtin/index.js'
import { createRegistry } from '../../../node-types/registry.js'
import type { Flow } from '../../../node-types/flow/schema.js'
import { compileFlow } from '../../../runtime/engine/compile.js'
import { emptyCase, type CaseRecord } from '../../../runtime/learning/case-record.js'
import { whatIf } from '../../../runtime/learning/what-if/what-if.js'

const registry = createRegistry(builtinNodeTypes)
const loan = JSON.parse(readFileSync(new URL('../../../examples/loan-approval.flow.json', import.meta.url), 'utf8')) as Flow
const defaults = Object.fromEntries(loan.parameters.map((p) => [p.name, p.value]))

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function recordedCase(i: number, next: () => number): CaseRecord {
  const c = emptyCase(`r_${i}`)
  const value = next()
  Object.assign(c, { flowId: 'loan-approval', input: { applicant: 'A', amount: next() < 0.1 ? 80_000 : 5_000, note: 'n' }, startedAt: '2026-01-05T09:00:00.000Z' })
  c.visits.score = next() < 0.03
    ? { port: 'error', output: { error: 'provider down' } }
    : { port: 'done', output: { task: 'score', value, label: value >= 0.5 ? 'good' : 'risky', confidence: Math.max(value, 1 - value), model: 'm', modelVersion: 'v' } }
  return c
}

describe('what-if with a confidence threshold', () => {
  it('never automates more cases when the threshold moves up', () => {
    const next = random(20260105)
    const cases = Array.from({ length: 400 }, (_, i) => recordedCase(i, next))
    const scenario = (threshold: number) => {
      const params = { ...defaults, autoApproveScore: threshold }
      return { compiled: compileFlow(loan, registry, params), params }
    }
    const base = scenario(0.8)
    for (let trial = 0; trial < 60; trial++) {
      const [low, high] = [next(), next()].sort((a, b) => a - b)
      const atLow = whatIf(cases, scenario(low), base, 10)
      const atHigh = whatIf(cases, scenario(high), base, 10)
      expect(atHigh.automated, `threshold ${low} → ${high}`).toBeLessThanOrEqual(atLow.automated)
      expect(atHigh.reviewWorkload).toBeGreaterThanOrEqual(atLow.reviewWorkload)
    }
  })

  it('keeps cases whose AI step failed with a person whatever the threshold', () => {
    const next = random(7)
    const cases = Array.from({ length: 200 }, (_, i) => recordedCase(i, next))
    const failed = cases.filter((c) => c.visits.score.port === 'error').length
    const params = { ...defaults, autoApproveScore: 0 }
    const everything = whatIf(cases, { compiled: compileFlow(loan, registry, params), params }, { compiled: compileFlow(loan, registry, defaults), params: defaults }, 10)
    expect(everything.reviewWorkload).toBeGreaterThanOrEqual(failed)
  })
})
