/**
 * `ai-step`: the AI proposes. Classifies, scores, extracts or drafts from a
 * text, through a provider (`local` works offline with no keys). Its output
 * always carries `confidence` (0..1) and the model version that produced it.
 */
import { z } from 'zod'
import { templateChecks } from '../expr/template.js'
import { expression, template } from '../sdk/fields.js'
import { defineNodeType } from '../sdk/define-node-type.js'
import type { JsonObject, NodeContext } from '../sdk/types.js'

/**
 * The run parameter that maps an AI step's node id to the dataset version it
 * was retrained with. Not a flow parameter (`@` can't start one), so it never
 * collides with the owner's knobs.
 */
export const TRAINED_DATASETS = '@datasets'

export const EXTRACTORS = ['date', 'amount', 'email', 'iban', 'id'] as const

export const aiStep = defineNodeType({
  type: 'ai-step',
  version: 1,
  title: 'AI step',
  description: 'Asks an AI model to classify, score, extract or draft. Leaves by “done” with a confidence, or by “error”.',
  category: 'ai',
  icon: 'sparkles',
  color: '#7c3aed',
  replay: 'execute',
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
    fewShot: z
      .number()
      .int()
      .min(0)
      .max(20)
      .default(0)
      .meta({ title: 'Reviewed examples to show', description: 'For hosted providers: the k most similar reviewed cases go into the prompt with their final answers (personal fields redacted). 0: off' }),
    outputSchema: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ title: 'Output JSON Schema', description: 'For hosted providers: the structure of `value` the model must answer with' }),
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
        prompt: config.prompt ? renderPrompt(ctx, config.prompt) : undefined,
        outputSchema: config.outputSchema as JsonObject | undefined,
        options: requestOptions(ctx, config.model),
        origin: { flowId: ctx.flowId, flowVersion: ctx.flowVersion, runId: ctx.runId, nodeId: ctx.nodeId, input: ctx.input },
        ...(config.fewShot > 0 ? { fewShot: config.fewShot } : {}),
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

/**
 * Provider options of one request: the step's model, and the dataset a
 * retrained step learned from — pinned per run in `params['@datasets']`.
 */
function requestOptions(ctx: NodeContext, model: string | undefined): JsonObject | undefined {
  const options: JsonObject = {}
  if (model) options.model = model
  const datasets = ctx.params[TRAINED_DATASETS]
  const dataset = datasets && typeof datasets === 'object' && !Array.isArray(datasets) ? datasets[ctx.nodeId] : undefined
  if (typeof dataset === 'string') Object.assign(options, { dataset, flowId: ctx.flowId })
  return Object.keys(options).length > 0 ? options : undefined
}

/** Placeholders the local draft task fills itself; they pass through untouched. */
const PROVIDER_PLACEHOLDERS = new Set(['text', 'suggestion', 'label', 'example'])

/** Fill the prompt's `{{ expression }}` placeholders over the run's data, as text. */
export function renderPrompt(ctx: Pick<NodeContext, 'evaluate'>, prompt: string): string {
  let count = 0
  return prompt.replace(/\{\{\s*([^}]+?)\s*\}\}/g, (whole, source: string) => {
    if (PROVIDER_PLACEHOLDERS.has(source) || ++count > 50) return whole
    const value = ctx.evaluate(source)
    return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
  })
}
