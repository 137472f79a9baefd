/**
 * The replay property: replaying the published version of a flow on its past
 * runs reproduces every recorded ending — over every example in `examples/`,
 * with cases taken through it by random people (any decision, corrected
 * fields, four eyes, customers answering or letting links expire, days
 * passing). Seeded, so a failure is reproducible and shrinks to a small case.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../../../runtime/version.js'
import { manualClock, startTestServer, type TestServer } from '../../../helpers/api.js'
import { startFakeCrm, type FakeCrm } from '../../../helpers/fake-crm.js'
import { recordCase, scriptArb } from './people-script.js'

const DIR = join(PROJECT_ROOT, 'examples')
const examples = readdirSync(DIR)
  .filter((f) => f.endsWith('.flow.json'))
  .sort()
  .map((file) => {
    const flow = JSON.parse(readFileSync(join(DIR, file), 'utf8'))
    const inputs = join(DIR, file.replace('.flow.json', '.inputs.json'))
    return { file, id: flow.id as string, samples: existsSync(inputs) ? JSON.parse(readFileSync(inputs, 'utf8')) : [] }
  })

describe('replaying the published version on past runs', () => {
  const clock = manualClock('2026-02-02T08:00:00.000Z')
  let t: TestServer
  let crm: FakeCrm
  beforeAll(async () => {
    crm = await startFakeCrm([
      { id: 'c-1', name: 'Ada Keller', email: 'ada@example.com', tier: 'gold', openBalance: 0 },
      { id: 'c-2', name: 'Ben Ortiz', email: 'ben@example.com', tier: 'standard', openBalance: 1200 },
    ])
    process.env.INLOOP_SECRET_CRM_BASE_URL = crm.url
    t = await startTestServer({ examples: true, clock })
  })
  afterAll(async () => {
    await t.close()
    await crm.close()
  })

  it.each(examples)('reproduces every recorded ending of $file', async ({ id, samples }) => {
    expect(samples.length).toBeGreaterThan(0)
    await fc.assert(
      fc.asyncProperty(fc.array(scriptArb, { minLength: 3, maxLength: 6 }), async (scripts) => {
        for (const script of scripts) await recordCase(t.api, t.server.engine, clock, id, samples, script)
        const version = (await t.api('GET', `/api/flows/${id}/versions`)).body[0].version
        const res = await t.api('POST', `/api/flows/${id}/replay`, { version })
        expect(res.status, res.text).toBe(200)
        const report = res.body
        expect(report.cannotTell, JSON.stringify(report.cannotTell)).toEqual([])
        expect(report.moved, JSON.stringify(report.moved.slice(0, 3))).toEqual([])
        expect(report.totals).toEqual({ same: report.cases, different: 0, needsPerson: 0, cannotTell: 0 })
        for (const row of [...report.outcomes, ...report.paths.nodes, ...report.paths.edges]) expect(row.after, JSON.stringify(row)).toBe(row.before)
      }),
      { seed: 20260202, numRuns: 4, endOnFailure: true },
    )
    const cases = (await t.api('POST', `/api/flows/${id}/replay`, {})).body.cases
    expect(cases).toBeGreaterThanOrEqual(8)
  }, 120_000)
})
