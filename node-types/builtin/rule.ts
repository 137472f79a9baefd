/**
 * `rule`: ordered conditions (first hit wins) or a decision table (first hit
 * or collect). Each condition is CEL over the input, earlier outputs and the
 * flow's parameters — written by hand, or built in a form (field, operator,
 * value or parameter) and stored as CEL. Each names the port it sends the run
 * to; `default` takes the rest. Optional sampling sends N% of the automatic
 * outcomes to review anyway, chosen by a hash of the run id.
 */
import { z } from 'zod'
import { expression } from '../sdk/fields.js'
import { defineNodeType } from '../sdk/define-node-type.js'
import type { JsonObject, NodeContext, PortResult } from '../sdk/types.js'
import { formSchema, formToCel, operandProblem, type ConditionForm } from './rule/condition-form.js'
import { rowToCel, tableProblems, tableSchema } from './rule/decision-table.js'
import { isSampled, samplingSchema } from './rule/sampling.js'

const portName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a port name is lowercase letters, digits and dashes, e.g. auto-approve')
  .meta({ title: 'Then go to' })

const ruleConfig = z.object({
  mode: z.enum(['conditions', 'table']).default('conditions').meta({ title: 'Mode', description: 'conditions: an ordered list · table: a decision table' }),
  rules: z
    .array(
      z.object({
        when: expression('When', 'nodes.score.value >= params.autoApprove').optional(),
        form: formSchema.optional(),
        port: portName,
        label: z.string().max(200).optional().meta({ title: 'Label', description: 'Shown on the canvas instead of the expression' }),
      }),
    )
    .max(100)
    .default([])
    .meta({ title: 'Conditions', description: 'Checked in order; the first that holds decides. Write CEL in “when”, or build it in the form.' }),
  table: tableSchema.optional(),
  sampling: samplingSchema.optional(),
})

type RuleConfig = z.output<typeof ruleConfig>

export const rule = defineNodeType({
  type: 'rule',
  version: 2,
  title: 'Rule',
  description: 'Decides which way a run goes: the first condition (or table row) that holds picks the port; otherwise “default”.',
  category: 'logic',
  icon: 'split',
  color: '#d97706',
  replay: 'execute',
  outputs: (config) => {
    const outcomes = config.mode === 'table' ? (config.table?.rows ?? []).map((r) => r.port) : config.rules.map((r) => r.port)
    return [...new Set([...outcomes, ...(config.sampling ? [config.sampling.to] : []), 'default'])]
  },
  config: ruleConfig,
  migrate: (config, fromVersion) => (fromVersion < 2 && config && typeof config === 'object' ? { mode: 'conditions', ...config } : config),
  check: (config) => [...ruleProblems(config), ...(config.mode === 'table' ? (config.table ? tableProblems(config.table) : [{ path: ['table'], message: 'a rule in table mode needs a decision table' }]) : [])],
  expressions: (config) => conditionsOf(config).map((source, i) => ({ path: config.mode === 'table' ? ['table', 'rows', i, 'when'] : ['rules', i, 'when'], source })),
  summary: (config) => {
    const sample = config.sampling && config.sampling.percent > 0 ? ` · sample ${config.sampling.percent}% → ${config.sampling.to}` : ''
    if (config.mode === 'table') return `table: ${config.table?.rows.length ?? 0} rows (${config.table?.hitPolicy ?? 'first'} hit)${sample}`
    const first = config.rules[0]
    if (!first) return `always default${sample}`
    const more = config.rules.length > 1 ? ` (+${config.rules.length - 1})` : ''
    return `${first.label ?? conditionsOf(config)[0]} → ${first.port}${more}${sample}`
  },
  execute: (ctx, _input, config) => {
    const hit = config.mode === 'table' ? decideByTable(ctx, config) : decideByConditions(ctx, config)
    if (!config.sampling) return hit
    const sampled = isSampled(config.sampling, hit.port, ctx.runId, ctx.nodeId)
    if (!sampled) return { port: hit.port, data: { ...hit.data, sampled: false } }
    return { port: config.sampling.to, data: { ...hit.data, outcome: config.sampling.to, sampled: true, sampledFrom: hit.port } }
  },
})

const compiled = new WeakMap<RuleConfig, string[]>()

/** The CEL of each condition or table row, as stored or compiled from its form (once per parsed config). */
function conditionsOf(config: RuleConfig): string[] {
  let sources = compiled.get(config)
  if (!sources) {
    sources =
      config.mode === 'table'
        ? (config.table?.rows ?? []).map((row) => row.when ?? (row.cells.length === config.table!.columns.length ? rowToCel(config.table!.columns, row.cells) : 'false'))
        : config.rules.map((r) => r.when ?? (r.form ? formToCel(r.form as ConditionForm) : 'false'))
    compiled.set(config, sources)
  }
  return sources
}

function decideByConditions(ctx: NodeContext, config: RuleConfig): PortResult & { data: JsonObject } {
  const sources = conditionsOf(config)
  for (const [index, r] of config.rules.entries()) {
    if (ctx.evaluate(sources[index]) === true) return { port: r.port, data: { outcome: r.port, rule: index } }
  }
  return { port: 'default', data: { outcome: 'default', rule: null } }
}

function decideByTable(ctx: NodeContext, config: RuleConfig): PortResult & { data: JsonObject } {
  const table = config.table!
  const sources = conditionsOf(config)
  const hits: number[] = []
  for (let row = 0; row < table.rows.length; row++) {
    if (ctx.evaluate(sources[row]) !== true) continue
    hits.push(row)
    if (table.hitPolicy === 'first') break
  }
  const collect: JsonObject = table.hitPolicy === 'collect' ? { outcomes: hits.map((r) => table.rows[r].port), rows: hits } : {}
  if (hits.length === 0) return { port: 'default', data: { outcome: 'default', row: null, ...collect } }
  const port = table.rows[hits[0]].port
  return { port, data: { outcome: port, row: hits[0], ...collect } }
}

function ruleProblems(config: RuleConfig): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = []
  config.rules.forEach((r, i) => {
    if (r.port === 'default') problems.push({ path: ['rules', i, 'port'], message: '“default” is taken by the fallback port' })
    if (!r.when && !r.form) problems.push({ path: ['rules', i, 'when'], message: 'write a condition in “when”, or build one in the form' })
    const form = r.form as ConditionForm | undefined
    form?.conditions.forEach((c, j) => {
      const problem = operandProblem(c)
      if (problem) problems.push({ path: ['rules', i, 'form', 'conditions', j], message: problem })
    })
    if (form && r.when !== undefined && !problems.length && r.when !== formToCel(form)) {
      problems.push({ path: ['rules', i, 'when'], message: `the stored CEL does not match the form; it should be: ${formToCel(form)}` })
    }
  })
  if (config.sampling?.from.includes(config.sampling.to)) problems.push({ path: ['sampling', 'to'], message: 'the sample cannot go to a port it is drawn from' })
  return problems
}
