/**
 * `rule`: ordered conditions, first hit wins. Each condition is a CEL
 * expression over the input, earlier outputs and the flow's parameters;
 * each names the port it sends the run to, and `default` takes the rest.
 */
import { z } from 'zod'
import { expression } from '../sdk/fields.js'
import { defineNodeType } from '../sdk/define-node-type.js'

const portName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a port name is lowercase letters, digits and dashes, e.g. auto-approve')
  .meta({ title: 'Then go to' })

export const rule = defineNodeType({
  type: 'rule',
  version: 1,
  title: 'Rule',
  description: 'Decides which way a run goes: the first condition that holds picks the port; otherwise “default”.',
  category: 'logic',
  icon: 'split',
  color: '#d97706',
  outputs: (config) => [...new Set([...config.rules.map((r) => r.port), 'default'])],
  config: z.object({
    rules: z
      .array(
        z.object({
          when: expression('When', 'nodes.score.value >= params.autoApprove'),
          port: portName,
          label: z.string().max(200).optional().meta({ title: 'Label', description: 'Shown on the canvas instead of the expression' }),
        }),
      )
      .max(100)
      .default([])
      .meta({ title: 'Conditions', description: 'Checked in order; the first that holds decides.' }),
  }),
  check: (config) =>
    config.rules.flatMap((r, i) => (r.port === 'default' ? [{ path: ['rules', i, 'port'], message: '“default” is taken by the fallback port' }] : [])),
  expressions: (config) => config.rules.map((r, i) => ({ path: ['rules', i, 'when'], source: r.when })),
  summary: (config) => {
    const first = config.rules[0]
    if (!first) return 'always default'
    const more = config.rules.length > 1 ? ` (+${config.rules.length - 1})` : ''
    return `${first.label ?? first.when} → ${first.port}${more}`
  },
  execute: (ctx, input, config) => {
    for (const [index, r] of config.rules.entries()) {
      if (ctx.evaluate(r.when) === true) return { port: r.port, data: { outcome: r.port, rule: index } }
    }
    return { port: 'default', data: { outcome: 'default', rule: null } }
  },
})
