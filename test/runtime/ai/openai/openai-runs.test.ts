import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishFlow, startRun, startTestServer, waitForRunStatus, type TestServer } from '../../../helpers/api.js'
import { flow } from '../../../helpers/flows.js'
import { completion, startFakeOpenAi, type FakeOpenAi } from './fake-openai.js'

const KEY = 'sk-never-leak-9f8e7d6c5b4a39281706'

const ai = { id: 'classify', type: 'ai-step', config: { task: 'classify', provider: 'openai', labels: ['liability', 'payment'], prompt: 'Classify: {{ input.text }}' } }
const withFallback = flow(
  'clauses-fallback',
  [{ id: 'start', type: 'start' }, ai, { id: 'lawyer', type: 'human-review', config: { role: 'legal' } }, { id: 'done', type: 'end', config: { outcome: 'classified' } }],
  ['start.next->classify', 'classify.done->done', 'classify.error->lawyer', 'lawyer.approve->done', 'lawyer.reject->done'],
)
const withoutFallback = flow(
  'clauses-strict',
  [{ id: 'start', type: 'start' }, ai, { id: 'done', type: 'end', config: { outcome: 'classified' } }],
  ['start.next->classify', 'classify.done->done'],
)

/** Every file under `dir`, as text. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path, 'utf8')]
  })
}

describe('AI steps on an OpenAI-compatible provider', () => {
  let fake: FakeOpenAi
  let t: TestServer
  let dataDir: string
  beforeAll(async () => {
    fake = await startFakeOpenAi()
    dataDir = mkdtempSync(join(tmpdir(), 'inloop-openai-'))
    Object.assign(process.env, { INLOOP_OPENAI_BASE_URL: fake.baseUrl, INLOOP_OPENAI_API_KEY: KEY, INLOOP_OPENAI_MODEL: 'fake-model', INLOOP_OPENAI_TIMEOUT_MS: '200', INLOOP_OPENAI_MAX_RETRIES: '1' })
    t = await startTestServer({ memory: false, dataDir })
    await publishFlow(t.api, withFallback)
    await publishFlow(t.api, withoutFallback)
  })
  afterAll(async () => {
    for (const name of ['INLOOP_OPENAI_BASE_URL', 'INLOOP_OPENAI_API_KEY', 'INLOOP_OPENAI_MODEL', 'INLOOP_OPENAI_TIMEOUT_MS', 'INLOOP_OPENAI_MAX_RETRIES']) delete process.env[name]
    await t.close()
    await fake.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('classify with the configured provider and record the model version on the answer', async () => {
    fake.script(completion({ label: 'payment', confidence: 0.88 }))
    const run = await waitForRunStatus(t.api, await startRun(t.api, 'clauses-strict', { text: 'Invoices are due in 30 days.' }))
    expect(run).toMatchObject({ status: 'completed', outcome: 'classified' })
    const events = (await t.api('GET', `/api/runs/${run.id}/events`)).body
    expect(events.find((e: any) => e.type === 'node.completed' && e.nodeId === 'classify').output).toMatchObject({ label: 'payment', confidence: 0.88, model: 'fake-model', modelVersion: 'fake-model-2025-01-01' })
    expect(fake.requests[0].body.messages.at(-1).content).toBe('Classify: Invoices are due in 30 days.')
  })

  it('send a run to its error edge when the provider keeps failing', async () => {
    fake.script({ status: 500, body: 'down' })
    const run = await waitForRunStatus(t.api, await startRun(t.api, 'clauses-fallback', { text: 'x' }), 'waiting')
    expect(run.waitingOn).toEqual([expect.objectContaining({ nodeId: 'lawyer' })])
    const events = (await t.api('GET', `/api/runs/${run.id}/events`)).body
    expect(events.find((e: any) => e.type === 'node.completed' && e.nodeId === 'classify')).toMatchObject({ port: 'error', output: { error: expect.stringContaining('answered 500') } })
  })

  it('fail a run without an error edge on malformed JSON, and complete it on retry once the provider recovers', async () => {
    fake.script(completion('this is not json'))
    const failed = await waitForRunStatus(t.api, await startRun(t.api, 'clauses-strict', { text: 'y' }))
    expect(failed).toMatchObject({ status: 'failed', error: { message: expect.stringContaining('not JSON') } })
    fake.script(completion({ label: 'liability', confidence: 0.9 }))
    const retried = await t.api('POST', `/api/runs/${failed.id}/retry`, {})
    expect(retried.status, retried.text).toBe(200)
    expect(await waitForRunStatus(t.api, failed.id)).toMatchObject({ status: 'completed', outcome: 'classified' })
  })

  it('fail a run on a timeout and keep it retryable', async () => {
    fake.script({ delayMs: 1000, ...completion({ label: 'payment', confidence: 0.5 }) })
    const failed = await waitForRunStatus(t.api, await startRun(t.api, 'clauses-strict', { text: 'z' }), 'failed', 10_000)
    expect(failed.error.message).toContain('did not answer within 200 ms')
    fake.script(completion({ label: 'payment', confidence: 0.5 }))
    await t.api('POST', `/api/runs/${failed.id}/retry`, {})
    expect(await waitForRunStatus(t.api, failed.id)).toMatchObject({ status: 'completed' })
  })

  it('keep the API key out of every flow file, event, API response and outbox message', async () => {
    fake.script({ status: 401, body: { error: `bad key ${KEY}` } })
    const runId = await startRun(t.api, 'clauses-fallback', { text: 'leak?' })
    await waitForRunStatus(t.api, runId, 'waiting')
    const responses = await Promise.all(
      ['/api/flows', '/api/flows/clauses-fallback', '/api/flows/clauses-fallback/versions/1', `/api/runs/${runId}`, `/api/runs/${runId}/events`, '/api/runs', '/api/tasks', '/api/outbox', '/api/node-types', '/api/flows/clauses-fallback/dataset', '/api/flows/clauses-fallback/metrics', '/api/flows/clauses-fallback/parameters'].map((path) => t.api('GET', path)),
    )
    for (const res of responses) {
      expect(res.status).toBe(200)
      expect(res.text).not.toContain(KEY)
    }
    await t.server.store.close()
    for (const text of filesUnder(dataDir)) expect(text).not.toContain(KEY)
  })
})
