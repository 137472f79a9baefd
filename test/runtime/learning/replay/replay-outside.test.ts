/**
 * A replay never reaches outside Inloop: a remote AI model is not asked again
 * (its recorded answer serves while the step asks the same; otherwise the case
 * cannot be told), and a custom step that calls a CRM gives its recorded
 * result while its config and input are unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTasks, publishFlow, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../../helpers/api.js'
import { startFakeCrm, type FakeCrm } from '../../../helpers/fake-crm.js'
import { flow } from '../../../helpers/flows.js'
import { completion, startFakeOpenAi, type FakeOpenAi } from '../../ai/openai/fake-openai.js'

const clauses = flow(
  'clauses',
  [
    { id: 'start', type: 'start' },
    { id: 'classify', type: 'ai-step', config: { task: 'classify', provider: 'openai', labels: ['liability', 'payment'], prompt: 'Classify: {{ input.text }}' } },
    { id: 'route', type: 'rule', config: { rules: [{ when: 'nodes.classify.label == "payment"', port: 'payment' }] } },
    { id: 'paid', type: 'end', config: { outcome: 'payment' } },
    { id: 'other', type: 'end', config: { outcome: 'other' } },
  ],
  ['start.next->classify', 'classify.done->route', 'route.payment->paid', 'route.default->other'],
)

const OPENAI_ENV = ['INLOOP_OPENAI_BASE_URL', 'INLOOP_OPENAI_MODEL', 'INLOOP_OPENAI_MAX_RETRIES']

describe('replaying steps that reach outside Inloop', () => {
  let t: TestServer
  let openai: FakeOpenAi
  let crm: FakeCrm
  beforeAll(async () => {
    openai = await startFakeOpenAi()
    crm = await startFakeCrm([{ id: 'c-1', name: 'Ada Keller', email: 'ada@example.com', openBalance: 0 }, { id: 'c-2', name: 'Ben Ortiz', email: 'ben@example.com', openBalance: 1200 }])
    Object.assign(process.env, { INLOOP_OPENAI_BASE_URL: openai.baseUrl, INLOOP_OPENAI_MODEL: 'fake-model', INLOOP_OPENAI_MAX_RETRIES: '0', INLOOP_SECRET_CRM_BASE_URL: crm.url })
    t = await startTestServer({ examples: true })
    await publishFlow(t.api, clauses)
    for (const [text, label] of [['Invoices are due in 30 days.', 'payment'], ['Neither party is liable for delays.', 'liability'], ['Late payment costs 2% a month.', 'payment']]) {
      openai.script(completion({ label, confidence: 0.9 }))
      await waitForRunStatus(t.api, await startRun(t.api, 'clauses', { text }))
    }
    // Ada is onboarded at once; a person declines Ben (open balance) and onboards Cleo (not in the CRM).
    for (const [email, decision] of [['ada@example.com', ''], ['ben@example.com', 'reject'], ['cleo@example.com', 'approve']]) {
      const runId = await startRun(t.api, 'customer-onboarding', { name: 'A customer', email })
      await waitForRunStatus(t.api, runId, ['completed', 'waiting'])
      for (const task of await openTasks(t.api, runId)) await t.api('POST', `/api/tasks/${task.id}/decision`, { decision, reason: 'checked' })
    }
  })
  afterAll(async () => {
    for (const name of [...OPENAI_ENV, 'INLOOP_SECRET_CRM_BASE_URL']) delete process.env[name]
    await t.close()
    await openai.close()
    await crm.close()
  })

  const replay = async (flowId: string, body: unknown) => {
    const res = await t.api('POST', `/api/flows/${flowId}/replay`, body)
    expect(res.status, res.text).toBe(200)
    return res.body
  }

  it('reuses the recorded answers of a remote model while the step asks the same, without calling it', async () => {
    openai.script(completion({ label: 'liability', confidence: 0.99 }))
    const draft = structuredClone(clauses)
    draft.nodes.find((n) => n.id === 'route')!.config = { rules: [{ when: 'nodes.classify.label == "liability"', port: 'payment' }] }
    const report = await replay('clauses', { flow: draft })
    expect(report.totals).toEqual({ same: 0, different: 3, needsPerson: 0, cannotTell: 0 })
    expect(openai.requests).toEqual([])
  })

  it('cannot tell what a changed step on a remote model would answer, and says why', async () => {
    openai.script(completion({ label: 'liability', confidence: 0.99 }))
    const draft = structuredClone(clauses)
    draft.nodes.find((n) => n.id === 'classify')!.config.prompt = 'Which kind of clause is this? {{ input.text }}'
    const report = await replay('clauses', { flow: draft })
    expect(report.totals).toEqual({ same: 0, different: 0, needsPerson: 0, cannotTell: 3 })
    expect(report.cannotTell).toEqual([{ nodeId: 'classify', cases: 3, reason: "AI step 'classify' would ask provider 'openai' something it was not asked in this case; a replay never calls a remote model" }])
    expect(openai.requests).toEqual([])
  })

  it('takes a CRM lookup’s recorded result while its config is unchanged, and asks the CRM nothing', async () => {
    const published = (await t.api('GET', '/api/flows/customer-onboarding')).body.flow
    const asked = crm.requests.length
    const draft = structuredClone(published)
    draft.parameters.find((p: any) => p.name === 'maxOpenBalance').value = 5000
    draft.nodes.find((n: any) => n.id === 'standing').config.rules[0].when = 'nodes.lookup.customer.openBalance > 5000.0'
    const report = await replay('customer-onboarding', { flow: draft })
    expect(report.cases).toBe(3)
    expect(report.totals).toEqual({ same: 2, different: 1, needsPerson: 0, cannotTell: 0 })
    expect(report.moved).toEqual([expect.objectContaining({ before: { status: 'completed', outcome: 'declined' }, after: { status: 'completed', outcome: 'onboarded' } })])
    const changed = structuredClone(published)
    changed.nodes.find((n: any) => n.id === 'lookup').config.timeoutMs = 1000
    const unknown = await replay('customer-onboarding', { flow: changed })
    expect(unknown.cannotTell).toEqual([{ nodeId: 'lookup', cases: 3, reason: "step 'lookup' (crm-lookup) is configured differently than when this case ran, and a replay does not call outside Inloop" }])
    expect(crm.requests.length).toBe(asked)
  })
})
