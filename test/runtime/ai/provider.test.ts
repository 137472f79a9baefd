import { describe, expect, it } from 'vitest'
import type { AiAnswer, AiRequest } from '../../../node-types/sdk/types.js'
import { createAiService, type AiProviderImpl } from '../../../runtime/ai/provider.js'

function fakeProvider(id: string): AiProviderImpl & { seen: AiRequest[] } {
  const seen: AiRequest[] = []
  return {
    id,
    seen,
    run: async (request): Promise<AiAnswer> => {
      seen.push(request)
      return { label: id, confidence: 1, model: id, modelVersion: '1' }
    },
  }
}

const request: AiRequest = { task: 'classify', text: 'hello', provider: 'openai' }

describe('createAiService', () => {
  it('routes a request to the provider it names', async () => {
    const local = fakeProvider('local')
    const openai = fakeProvider('openai')
    const answer = await createAiService([local, openai]).run(request)
    expect(answer.label).toBe('openai')
    expect(openai.seen).toEqual([request])
    expect(local.seen).toEqual([])
  })

  it('uses the local provider when a request names none', async () => {
    const answer = await createAiService([fakeProvider('openai'), fakeProvider('local')]).run({ ...request, provider: '' })
    expect(answer.label).toBe('local')
  })

  it('rejects an unknown provider and lists the known ones', async () => {
    const ai = createAiService([fakeProvider('local'), fakeProvider('openai')])
    await expect(ai.run({ ...request, provider: 'anthropic' })).rejects.toMatchObject({
      code: 'AI_UNKNOWN_PROVIDER',
      message: "Unknown AI provider 'anthropic'. Known providers: 'local', 'openai'.",
    })
  })

  it('refuses two providers with the same id', () => {
    expect(() => createAiService([fakeProvider('local'), fakeProvider('local')])).toThrow(
      expect.objectContaining({ code: 'AI_DUPLICATE_PROVIDER' }),
    )
  })
})
