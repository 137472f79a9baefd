import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { configuredAiProviders } from '../../../../runtime/ai/configured-providers.js'
import { openAiOptionsFromEnv, openAiOptionsFromFile } from '../../../../runtime/ai/openai/config.js'
import { createAiService, type AiProviderImpl } from '../../../../runtime/ai/provider.js'

describe('OpenAI-compatible provider settings', () => {
  it('come from INLOOP_OPENAI_* on the server', () => {
    expect(openAiOptionsFromEnv({ INLOOP_OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', INLOOP_OPENAI_MODEL: 'llama3.1', INLOOP_OPENAI_TIMEOUT_MS: '5000' })).toEqual({
      id: 'openai', baseUrl: 'http://127.0.0.1:11434/v1', apiKey: undefined, model: 'llama3.1', timeoutMs: 5000, maxRetries: undefined,
    })
  })

  it('mean the hosted API when only a key is set, and nothing when neither is', () => {
    expect(openAiOptionsFromEnv({ INLOOP_OPENAI_API_KEY: 'sk-x' })).toMatchObject({ baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-x', model: 'gpt-4o-mini' })
    expect(openAiOptionsFromEnv({})).toBeUndefined()
  })

  it('refuse a timeout that is not a whole number', () => {
    expect(() => openAiOptionsFromEnv({ INLOOP_OPENAI_BASE_URL: 'http://x/v1', INLOOP_OPENAI_TIMEOUT_MS: 'soon' })).toThrow(/INLOOP_OPENAI_TIMEOUT_MS must be a whole number/)
  })

  it('list several providers in a file, each key taken from its own variable', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'inloop-providers-')), 'providers.json')
    writeFileSync(file, JSON.stringify([{ id: 'vllm', type: 'openai-compatible', baseUrl: 'http://gpu:8000/v1', model: 'qwen', apiKeyEnv: 'VLLM_KEY' }]))
    expect(openAiOptionsFromFile({ INLOOP_AI_PROVIDERS: file, VLLM_KEY: 'k1' })).toEqual([{ id: 'vllm', baseUrl: 'http://gpu:8000/v1', model: 'qwen', apiKey: 'k1', timeoutMs: undefined, maxRetries: undefined }])
    expect(() => openAiOptionsFromFile({ INLOOP_AI_PROVIDERS: file })).toThrow(/VLLM_KEY, which is not set/)
  })
})

describe('the providers a server runs with', () => {
  it('are local, the configured ones, and a developer’s own', async () => {
    const mine: AiProviderImpl = { id: 'mine', run: async () => ({ label: 'x', confidence: 1, model: 'mine', modelVersion: '1' }) }
    const providers = configuredAiProviders({ env: { INLOOP_OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' }, extra: [mine] })
    expect(providers.map((p) => p.id)).toEqual(['local', 'openai', 'mine'])
    await expect(createAiService(providers).run({ task: 'classify', provider: 'mine', text: 't' })).resolves.toMatchObject({ model: 'mine' })
  })
})
