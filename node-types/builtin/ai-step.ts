/**
 * `ai-step`: the AI proposes. Classifies, scores, extracts or drafts from a
 * text, through a provider (`local` works offline with no keys). Its output
 * always carries `confidence` (0..1) and the model version that produced it.
 */
import { z } from 'zod'
import { templateChecks } from '../expr/template.js'
import { expression, template } from '../sdk/fields.js'
import { defineNodeType } from '../sdk/define-node-type.js'
import type { JsonObject } from '../sdk/types.js'

export const EXTRACTORS = ['date', 'amount', 'email', 'iban', 'id'] as const

export const aiStep = defineNodeType({
  type: 'ai-step',
  version: 1,
  title: 'AI step',
  description: 'Asks an AI model to classify, score, extract or draft. Leaves by “done” with a confidence, or by “error”.',
  category: 'ai',
  icon: 'sparkles',
  color: '#7c3aed',
  outputs: ['done', 'error'],
  optionalOutputs: ['error'],
  config: z.object({
    task: z
      .enum(['classify', 'score', 'extract', 'draft'])
      .default('classify')
      .meta({ title: 'Task', description: 'classify: pick a label · score: probability of the first label · extract: find fields · draft: write a reply' }),
    provider: z.string().min(1).default('local').meta({ title: 'Provider', description: '“local” runs offline; others are configured on the server' }),
    text: expression('Text to analyse', 'input.text').default('input.text'),
    labels: z.array(z.string().min(1)).max(50).default([]).meta({ title: 'Labels', description: 'For classify and score; the first label is the one a score measures' }),
    examples: z
      .array(z.object({ text: z.string().min(1), label: z.string().min(1) }))
      .max(5000)
      .default([])
      .meta({ title: 'Labelled examples', description: 'What the local model learns from' }),
    extract: z.array(z.enum(EXTRACTORS)).default([]).meta({ title: 'Fields to extract' }),
    prompt: template('Prompt', 'Classify this clause: {{ input.text }}').optional(),
    model: z.string().optional().meta({ title: 'Model', description: 'For hosted providers, e.g. gpt-4o-mini' }),
  }),
  check: (config) => {
    const needsLabels = config.task === 'classify' || config.task === 'score'
    if (needsLabels && config.provider === 'local' && config.examples.length === 0) {
      return [{ path: ['examples'], message: 'the local provider learns from labelled examples; add some' }]
    }
    return []
  },
  expressions: (config) => [{ path: ['text'], source: config.text }, ...templateChecks(['prompt'], config.prompt)],
  summary: (config) => (config.labels.length > 0 ? `${config.task}: ${config.labels.join(' / ')}` : `${config.task} · ${config.provider}`),
  execute: async (ctx, _input, config) => {
    const text = ctx.evaluate(config.text)
    try {
      const answer = await ctx.ai.run({
        task: config.task,
        provider: config.provider,
        text: typeof text === 'string' ? text : JSON.stringify(text ?? ''),
        labels: config.labels,
        examples: config.examples,
        extract: config.extract,
        prompt: config.prompt,
        options: config.model ? { model: config.model } : undefined,
      })
      const data: JsonObject = { task: config.task, confidence: answer.confidence, model: answer.model, modelVersion: answer.modelVersion }
      if (answer.label !== undefined) data.label = answer.label
      if (answer.value !== undefined) data.value = answer.value
      if (answer.scores) data.scores = answer.scores
      return { port: 'done', data }
    } catch (error) {
      return { port: 'error', data: { error: error instanceof Error ? error.message : String(error) } }
    }
  },
})
