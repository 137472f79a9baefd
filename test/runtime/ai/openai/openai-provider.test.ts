import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AiRequest } from '../../../../node-types/sdk/types.js'
import { createOpenAiProvider, type OpenAiProviderOptions } from '../../../../runtime/ai/openai/openai-provider.js'
import { completion, startFakeOpenAi, type FakeOpenAi } from './fake-openai.js'

const KEY = 'sk-test-0123456789abcdef'
const classify: AiRequest = { task: 'classify', provider: 'openai', text: 'The supplier is not liable for indirect damages.', labels: ['liability', 'payment', 'termination'] }

describe('the OpenAI-compatible provider', () => {
  let fake: FakeOpenAi
  const sleeps: number[] = []
  const provider = (extra: Partial<OpenAiProviderOptions> = {}) =>
    createOpenAiProvider({ baseUrl: fake.baseUrl, apiKey: KEY, model: 'fake-model', timeoutMs: 300, maxRetries: 2, random: () => 0.5, sleep: async (ms) => void sleeps.push(ms), ...extra })

  beforeAll(async () => {
    fake = await startFakeOpenAi()
  })
  afterAll(() => fake.close())

  it('asks for structured JSON with a schema and answers with the label, confidence and model version', async () => {
    fake.script(completion({ label: 'liability', confidence: 0.93 }))
    const answer = await provider().run(classify)
    expect(answer).toEqual({ label: 'liability', confidence: 0.93, model: 'fake-model', modelVersion: 'fake-model-2025-01-01' })
    const { headers, body } = fake.requests[0]
    expect(headers.authorization).toBe(`Bearer ${KEY}`)
    expect(body.model).toBe('fake-model')
    expect(body.response_format).toMatchObject({ type: 'json_schema', json_schema: { strict: true, schema: { properties: { label: { enum: classify.labels } } } } })
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: classify.text })
  })

  it('sends the rendered prompt and a step’s own output schema', async () => {
    fake.script(completion({ value: { party: 'ACME' }, confidence: 0.8 }))
    const outputSchema = { type: 'object', properties: { party: { type: 'string' } }, required: ['party'], additionalProperties: false }
    const answer = await provider().run({ task: 'extract', provider: 'openai', text: 'x', prompt: 'Who is the supplier in: ACME shall…', outputSchema, options: { model: 'other-model' } })
    expect(answer).toMatchObject({ value: { party: 'ACME' }, confidence: 0.8, model: 'other-model' })
    expect(fake.requests[0].body.messages.at(-1).content).toBe('Who is the supplier in: ACME shall…')
    expect(fake.requests[0].body.response_format.json_schema.schema.properties.value).toEqual(outputSchema)
  })

  it('retries a 500 with exponential backoff and jitter, then answers', async () => {
    sleeps.length = 0
    fake.script({ status: 500, body: { error: 'boom' } }, { status: 503 }, completion({ label: 'payment', confidence: 0.7 }))
    await expect(provider({ baseDelayMs: 100 }).run(classify)).resolves.toMatchObject({ label: 'payment' })
    expect(fake.requests).toHaveLength(3)
    expect(sleeps).toEqual([50, 100])
  })

  it('waits as long as a 429 asks in Retry-After, then answers', async () => {
    sleeps.length = 0
    fake.script({ status: 429, headers: { 'retry-after': '2' } }, completion({ label: 'termination', confidence: 0.6 }))
    await expect(provider().run(classify)).resolves.toMatchObject({ label: 'termination' })
    expect(sleeps).toEqual([2000])
  })

  it('gives up on a 429 that asks to wait longer than allowed, saying so', async () => {
    fake.script({ status: 429, headers: { 'retry-after': '3600' } })
    await expect(provider().run(classify)).rejects.toMatchObject({ code: 'AI_RATE_LIMITED', message: expect.stringContaining('asks to wait 3600 s') })
    expect(fake.requests).toHaveLength(1)
  })

  it('fails with AI_UNAVAILABLE after the last retry of a 500', async () => {
    fake.script({ status: 500, body: 'still down' })
    await expect(provider().run(classify)).rejects.toMatchObject({ code: 'AI_UNAVAILABLE', message: expect.stringContaining('answered 500') })
    expect(fake.requests).toHaveLength(3)
  })

  it('times out a server that does not answer, retrying each attempt', async () => {
    fake.script({ delayMs: 2000, ...completion({ label: 'payment', confidence: 0.7 }) })
    await expect(provider({ timeoutMs: 100, maxRetries: 1 }).run(classify)).rejects.toMatchObject({ code: 'AI_TIMEOUT', message: expect.stringContaining('within 100 ms') })
    expect(fake.requests).toHaveLength(2)
  })

  it('rejects malformed JSON content with a clear error and no retry', async () => {
    fake.script(completion('{"label": "liability", "confidence": '))
    await expect(provider().run(classify)).rejects.toMatchObject({ code: 'AI_BAD_RESPONSE', message: expect.stringContaining('not JSON') })
    expect(fake.requests).toHaveLength(1)
  })

  it('rejects a label the step does not know', async () => {
    fake.script(completion({ label: 'weather', confidence: 0.9 }))
    await expect(provider().run(classify)).rejects.toMatchObject({ code: 'AI_BAD_RESPONSE', message: expect.stringContaining('"label" must be one of') })
  })

  it('never repeats the API key in an error, even when the server echoes it', async () => {
    fake.script({ status: 401, body: { error: `invalid key Bearer ${KEY}` } })
    const error = await provider().run(classify).catch((e: Error) => e)
    expect(error).toMatchObject({ code: 'AI_AUTH' })
    expect((error as Error).message).not.toContain(KEY)
    expect((error as Error).message).toContain('[redacted]')
  })

  it('works with a local server that needs no key', async () => {
    fake.script(completion({ value: 0.82, confidence: 0.9 }))
    const answer = await provider({ apiKey: undefined }).run({ task: 'score', provider: 'openai', text: 'steady job', labels: ['good', 'risky'] })
    expect(answer).toMatchObject({ value: 0.82, label: 'good' })
    expect(fake.requests[0].headers.authorization).toBeUndefined()
  })
})
