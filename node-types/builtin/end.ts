/** `end`: the run finishes here with an outcome and an output. */
import { z } from 'zod'
import { expression } from '../sdk/fields.js'
import { defineNodeType } from '../sdk/define-node-type.js'
import type { JsonObject } from '../sdk/types.js'

export const end = defineNodeType({
  type: 'end',
  version: 1,
  title: 'End',
  description: 'Finishes the run with an outcome (such as approved or rejected) and its output.',
  category: 'flow',
  icon: 'flag',
  color: '#475569',
  replay: 'execute',
  outputs: [],
  config: z.object({
    outcome: z
      .string()
      .min(1)
      .regex(/^[A-Za-z][\w-]*$/, 'an outcome is one word, e.g. approved')
      .default('done')
      .meta({ title: 'Outcome', description: 'How the run ended, e.g. approved. Metrics count runs by outcome.' }),
    output: z
      .array(z.object({ name: z.string().min(1).meta({ title: 'Field' }), value: expression('Value', 'nodes.review.decision') }))
      .default([])
      .meta({ title: 'Output fields', description: 'Fields of the run’s output, each an expression. Empty: the data that reached this step.' }),
  }),
  expressions: (config) => config.output.map((field, i) => ({ path: ['output', i, 'value'], source: field.value })),
  summary: (config) => `outcome: ${config.outcome}`,
  execute: (ctx, input, config) => {
    if (config.output.length === 0) return { end: { outcome: config.outcome, output: input } }
    const output: JsonObject = {}
    for (const field of config.output) output[field.name] = ctx.evaluate(field.value) as JsonObject[string]
    return { end: { outcome: config.outcome, output } }
  },
})
