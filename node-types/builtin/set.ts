/**
 * `set`: assigns named values, each a CEL expression over the run's data —
 * to map, rename or compute fields. Later steps read them as
 * `nodes.<id>.<name>`; the designer completes those names downstream.
 */
import { z } from 'zod'
import { expression } from '../sdk/fields.js'
import { defineNodeType } from '../sdk/define-node-type.js'
import type { Json, JsonObject } from '../sdk/types.js'

export const set = defineNodeType({
  type: 'set',
  version: 1,
  title: 'Set values',
  description: 'Assigns named values from expressions (map, rename, compute) for the steps after it.',
  category: 'data',
  icon: 'braces',
  color: '#0891b2',
  replay: 'execute',
  outputs: ['next'],
  config: z.object({
    values: z
      .array(z.object({ name: z.string().regex(/^[A-Za-z_]\w*$/, 'an identifier, e.g. total').meta({ title: 'Name' }), value: expression('Value', 'input.amount * 1.2') }))
      .min(1, 'set at least one value')
      .max(100)
      .default([{ name: 'value', value: 'input' }])
      .meta({ title: 'Values', description: 'Each name gets the value of its expression' }),
    keep: z.boolean().default(true).meta({ title: 'Keep incoming data', description: 'Pass on the data that reached this step, with the values added' }),
  }),
  check: (config) => config.values.flatMap((v, i) => (config.values.findIndex((w) => w.name === v.name) !== i ? [{ path: ['values', i, 'name'], message: `'${v.name}' is set twice` }] : [])),
  expressions: (config) => config.values.map((v, i) => ({ path: ['values', i, 'value'], source: v.value })),
  summary: (config) => config.values.map((v) => v.name).join(', '),
  execute: (ctx, input, config) => {
    const data: JsonObject = config.keep ? { ...input } : {}
    for (const v of config.values) data[v.name] = (ctx.evaluate(v.value) ?? null) as Json
    return { port: 'next', data }
  },
})
