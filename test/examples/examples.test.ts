/**
 * Every example in `examples/` runs end to end through the API: each sample
 * of `<name>.inputs.json` is started and driven to completion, deciding tasks
 * and answering customer links along the way. New examples are picked up as
 * they are added.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fireDueTimers } from '../../runtime/engine/index.js'
import { PROJECT_ROOT } from '../../runtime/version.js'
import { manualClock, startTestServer, type TestServer } from '../helpers/api.js'
import { driveToEnd, pendingTimers } from '../helpers/drive.js'
import { startFakeCrm, type FakeCrm } from '../helpers/fake-crm.js'

const DIR = join(PROJECT_ROOT, 'examples')
const examples = readdirSync(DIR)
  .filter((f) => f.endsWith('.flow.json'))
  .sort()
  .map((file) => {
    const name = file.slice(0, -'.flow.json'.length)
    const flow = JSON.parse(readFileSync(join(DIR, file), 'utf8'))
    const inputsFile = join(DIR, `${name}.inputs.json`)
    const samples: { name: string; input: unknown }[] = existsSync(inputsFile) ? JSON.parse(readFileSync(inputsFile, 'utf8')) : []
    return { file, name, flow, inputsFile, samples }
  })

/**
 * The customers the customer-onboarding example expects in its CRM. The
 * example reads the CRM's URL from the `crm-base-url` secret, so the tests
 * point it at a tiny CRM of their own.
 */
const CRM_CUSTOMERS = [
  { id: 'c-1', name: 'Ada Keller', email: 'ada@example.com', tier: 'gold', openBalance: 0 },
  { id: 'c-2', name: 'Ben Ortiz', email: 'ben@example.com', tier: 'standard', openBalance: 1200 },
]

async function withFakeCrm(): Promise<FakeCrm> {
  const crm = await startFakeCrm(CRM_CUSTOMERS)
  process.env.INLOOP_SECRET_CRM_BASE_URL = crm.url
  return crm
}

describe('examples', () => {
  const clock = manualClock(new Date().toISOString())
  let t: TestServer
  let crm: FakeCrm
  beforeAll(async () => {
    crm = await withFakeCrm()
    t = await startTestServer({ examples: true, clock })
  })
  afterAll(async () => {
    await t.close()
    await crm.close()
  })

  /** When a run waits only on timers, move the clock to the next one and fire it. */
  async function advanceTime(runId: string) {
    const [next] = await pendingTimers(t.api, runId)
    if (!next) throw new Error(`run ${runId} waits, but on no task, request or timer`)
    if (new Date(next.fireAt) > clock.now()) clock.set(next.fireAt)
    await fireDueTimers(t.server.engine)
  }

  it('ships at least one example', () => {
    expect(examples.length).toBeGreaterThan(0)
  })

  describe.each(examples)('$file', ({ flow, inputsFile, samples }) => {
    it('is a valid flow', async () => {
      const res = await t.api('POST', '/api/flows/validate', flow)
      expect(res.body).toEqual({ ok: true })
    })

    it('is loaded and published by the server', async () => {
      const versions = await t.api('GET', `/api/flows/${flow.id}/versions`)
      expect(versions.status).toBe(200)
      expect(versions.body.length).toBeGreaterThanOrEqual(1)
    })

    it('ships named samples', () => {
      expect(existsSync(inputsFile), `${inputsFile} is missing`).toBe(true)
      expect(samples.length).toBeGreaterThan(0)
      for (const s of samples) expect(s).toEqual({ name: expect.any(String), input: expect.any(Object) })
    })

    it.each(samples.map((s) => [s.name, s.input] as const))('runs the sample “%s” to completion with an outcome', async (_name, input) => {
      const requester = await t.people.as('requester', { roles: ['designer'] })
      const started = await requester('POST', `/api/flows/${flow.id}/runs`, { input })
      expect(started.status, started.text).toBe(201)
      const run = await driveToEnd(t.api, started.body.runId, { advanceTime, requester: 'requester', people: t.people })
      expect(run.error, JSON.stringify(run.error)).toBeUndefined()
      expect(run).toMatchObject({ status: 'completed', outcome: expect.any(String) })
    })
  })
})

describe('the loan-approval samples', () => {
  let t: TestServer
  const samples = examples.find((e) => e.name === 'loan-approval')!.samples
  beforeAll(async () => {
    t = await startTestServer({ examples: true })
  })
  afterAll(() => t.close())

  async function firstStop(sampleName: string) {
    const sample = samples.find((s) => s.name.toLowerCase().includes(sampleName))!
    const { body } = await t.api('POST', '/api/flows/loan-approval/runs', { input: sample.input })
    const run = (await t.api('GET', `/api/runs/${body.runId}`)).body
    const tasks = (await t.api('GET', `/api/tasks?runId=${body.runId}`)).body
    return { run, tasks }
  }

  it('approve the automatic sample without a person', async () => {
    const { run, tasks } = await firstStop('automatic')
    expect(run).toMatchObject({ status: 'completed', outcome: 'approved' })
    expect(tasks).toEqual([])
  })

  it('send the review sample to one credit officer', async () => {
    const { run, tasks } = await firstStop('review')
    expect(run.status).toBe('waiting')
    expect(tasks).toEqual([expect.objectContaining({ nodeId: 'review', role: 'credit-officer', requiredApprovals: 1 })])
  })

  it('send the four-eyes sample to two distinct reviewers', async () => {
    const { run, tasks } = await firstStop('four-eyes')
    expect(run.status).toBe('waiting')
    expect(tasks).toEqual([expect.objectContaining({ nodeId: 'four-eyes', requiredApprovals: 2 })])
  })
})

describe('the customer-onboarding samples', () => {
  let t: TestServer
  let crm: FakeCrm
  const samples = examples.find((e) => e.name === 'customer-onboarding')!.samples
  beforeAll(async () => {
    crm = await withFakeCrm()
    t = await startTestServer({ examples: true })
  })
  afterAll(async () => {
    await t.close()
    await crm.close()
  })

  async function firstStop(sampleName: string) {
    const sample = samples.find((s) => s.name.toLowerCase().includes(sampleName))!
    const { body } = await t.api('POST', '/api/flows/customer-onboarding/runs', { input: sample.input })
    const run = (await t.api('GET', `/api/runs/${body.runId}`)).body
    const tasks = (await t.api('GET', `/api/tasks?runId=${body.runId}`)).body
    return { run, tasks }
  }

  it('onboard a known customer in good standing without a person, after asking the CRM', async () => {
    const { run, tasks } = await firstStop('known customer')
    expect(run).toMatchObject({ status: 'completed', outcome: 'onboarded' })
    expect(tasks).toEqual([])
    expect(crm.requests.some((r) => r.url === '/customers?email=ada%40example.com')).toBe(true)
  })

  it('send a customer with an open balance above the limit to a person', async () => {
    const { run, tasks } = await firstStop('open balance')
    expect(run.status).toBe('waiting')
    expect(tasks).toEqual([expect.objectContaining({ nodeId: 'check', role: 'onboarding' })])
  })

  it('ask the onboarding team to create a customer the CRM does not know', async () => {
    const { run, tasks } = await firstStop('new customer')
    expect(run.status).toBe('waiting')
    expect(tasks).toEqual([expect.objectContaining({ nodeId: 'new-customer' })])
  })
})
