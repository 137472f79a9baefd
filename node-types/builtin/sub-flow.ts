/**
 * `sub-flow`: runs another published flow as a child run and waits for its
 * end. The child's input is mapped with CEL (or is the data that reached this
 * step); the parent leaves by the port named after the child's outcome, or
 * by `error` when the child failed, was cancelled or ended in an outcome this
 * step has no port for. The engine starts and cancels the child and links
 * the two runs both ways.
 */
import { z } from 'zod'
import { expression } from '../sdk/fields.js'
import { defineNodeType } from '../sdk/define-node-type.js'
import type { Json, JsonObject, NodeResult } from '../sdk/types.js'

const outcomeName = z.string().regex(/^[A-Za-z][\w-]*$/, 'an outcome is one word, e.g. approved')

export const subFlowConfig = z.object({
  flow: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a flow id: letters, digits, "_", "." or "-"')
    .meta({ title: 'Flow', description: 'The id of the published flow to run, e.g. kyc-check' }),
  version: z
    .union([z.literal('latest'), z.number().int().min(1)])
    .default('latest')
    .meta({ title: 'Version', description: '“latest”: the newest published version when the child starts; a number pins that version' }),
  input: z
    .array(z.object({ name: z.string().regex(/^[A-Za-z_]\w*$/, 'an identifier, e.g. customerId'), value: expression('Value', 'input.customer.id') }))
    .max(100)
    .default([])
    .meta({ title: 'Input fields', description: 'The child run’s input, each field an expression. Empty: the data that reached this step.' }),
  outcomes: z
    .array(outcomeName)
    .min(1, 'name at least one outcome of the flow it calls')
    .max(20)
    .default(['done'])
    .meta({ title: 'Outcomes', description: 'The outcomes of the called flow’s end steps; each is a port' }),
})

export const subFlow = defineNodeType({
  type: 'sub-flow',
  version: 1,
  title: 'Sub-flow',
  description: 'Runs another published flow and waits for it; leaves by the port of the outcome it ended with, or by “error”.',
  category: 'flow',
  icon: 'workflow',
  color: '#0d9488',
  waits: true,
  outputs: (config) => [...config.outcomes, 'error'],
  optionalOutputs: ['error'],
  config: subFlowConfig,
  check: (config) =>
    config.outcomes.flatMap((o, i) =>
      config.outcomes.indexOf(o) !== i || o === 'error' ? [{ path: ['outcomes', i], message: o === 'error' ? '“error” is taken by the error port' : `outcome '${o}' appears twice` }] : [],
    ),
  expressions: (config) => config.input.map((field, i) => ({ path: ['input', i, 'value'], source: field.value })),
  calls: (config) => [{ flowId: config.flow, version: config.version === 'latest' ? undefined : config.version }],
  summary: (config) => `${config.flow}${config.version === 'latest' ? '' : ` v${config.version}`}`,
  execute: (ctx, input, config) => {
    const childInput: JsonObject = config.input.length === 0 ? input : {}
    for (const field of config.input) childInput[field.name] = (ctx.evaluate(field.value) ?? null) as Json
    return { wait: { child: { flowId: config.flow, version: config.version === 'latest' ? undefined : config.version, input: childInput } } }
  },
  resume: (_ctx, signal, config): NodeResult => {
    if (signal.kind !== 'child') return { stay: {} }
    const link = { runId: signal.runId }
    if (signal.status !== 'completed') {
      return { port: 'error', data: { ...link, status: signal.status, error: signal.error?.message ?? `the sub-flow was ${signal.status}`, code: signal.error?.code ?? null } }
    }
    const outcome = signal.outcome ?? 'done'
    if (!config.outcomes.includes(outcome)) {
      return { port: 'error', data: { ...link, outcome, output: signal.output ?? {}, error: `the sub-flow ended '${outcome}', which this step has no port for; add it to the outcomes`, code: 'OUTCOME_UNKNOWN' } }
    }
    return { port: outcome, data: { ...link, outcome, output: signal.output ?? {} } }
  },
})
