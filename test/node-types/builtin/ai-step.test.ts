import { describe, expect, it } from 'vitest'
import { aiStep } from '../../../node-types/builtin/ai-step.js'
import type { AiRequest } from '../../../node-types/sdk/types.js'
import { runNode } from '../../../node-types/testing/index.js'

const examples = [
  { text: 'stable job', label: 'good' },
  { text: 'missed payments', label: 'risky' },
]

describe('ai-step', () => {
  it('sends the evaluated text to the provider and leaves by done with confidence and model version', async () => {
    const seen: AiRequest[] = []
    const ai = { run: async (r: AiRequest) => (seen.push(r), { label: 'good', value: 0.9, confidence: 0.9, model: 'm', modelVersion: 'v1' }) }
    const { result } = await runNode(aiStep, { config: { task: 'score', text: 'input.note', labels: ['good', 'risky'], examples }, ctx: { input: { note: 'steady salary' }, ai } })
    expect(seen[0]).toMatchObject({ task: 'score', provider: 'local', text: 'steady salary', labels: ['good', 'risky'] })
    expect(result).toEqual({ port: 'done', data: { task: 'score', label: 'good', value: 0.9, confidence: 0.9, model: 'm', modelVersion: 'v1' } })
  })

  it('leaves by error with the provider message when the provider fails', async () => {
    const ai = { run: async () => Promise.reject(new Error('rate limited')) }
    const { result } = await runNode(aiStep, { config: { examples }, ctx: { input: { text: 'x' }, ai } })
    expect(result).toEqual({ port: 'error', data: { error: 'rate limited' } })
  })

  it('asks for examples when the local provider would have nothing to learn from', () => {
    expect(aiStep.check!(aiStep.config.parse({ task: 'classify' }))).toEqual([expect.objectContaining({ path: ['examples'] })])
  })
})

describe('ai-step requests', () => {
  const answer = { label: 'good', confidence: 0.9, model: 'm', modelVersion: 'v1' }

  it('fill the prompt’s expressions and leave the local draft placeholders to the provider', async () => {
    const seen: AiRequest[] = []
    const ai = { run: async (r: AiRequest) => (seen.push(r), answer) }
    await runNode(aiStep, { config: { task: 'draft', prompt: 'Hello {{ input.name }},\n{{suggestion}}', outputSchema: { type: 'object' } }, ctx: { input: { text: 't', name: 'Ada' }, ai } })
    expect(seen[0]).toMatchObject({ prompt: 'Hello Ada,\n{{suggestion}}', outputSchema: { type: 'object' } })
  })

  it('name the dataset a retrained step learned from, as pinned in the run’s parameters', async () => {
    const seen: AiRequest[] = []
    const ai = { run: async (r: AiRequest) => (seen.push(r), answer) }
    await runNode(aiStep, { config: { examples }, ctx: { input: { text: 't' }, ai, nodeId: 'score', flowId: 'loan', params: { '@datasets': { score: 'ds-0123456789ab' } } } })
    expect(seen[0].options).toEqual({ dataset: 'ds-0123456789ab', flowId: 'loan' })
  })
})
