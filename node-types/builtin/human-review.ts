/**
 * `human-review`: a person decides. Creates a task in the shared inbox with
 * the AI proposal and its inputs, a form the reviewer may correct, and one
 * port per decision. Optional deadline (remind, escalate or take a port) and
 * four eyes (N distinct reviewers).
 */
import { z } from 'zod'
import { addDuration } from '../expr/duration.js'
import { templateChecks } from '../expr/template.js'
import { duration, expression, template } from '../sdk/fields.js'
import { defineNodeType } from '../sdk/define-node-type.js'
import type { Json, JsonObject, TaskField, NodeResult } from '../sdk/types.js'

const name = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes, e.g. approve')

export const humanReview = defineNodeType({
  type: 'human-review',
  version: 1,
  title: 'Human review',
  description: 'A reviewer decides in the inbox. Each decision is a port; overriding the AI needs a reason.',
  category: 'people',
  icon: 'user-check',
  color: '#2563eb',
  replay: 'execute',
  waits: true,
  outputs: (config) => [...config.decisions.map((d) => d.name), ...(config.onDeadline === 'port' ? ['overdue'] : [])],
  config: z.object({
    title: template('Task title', 'Review loan for {{ input.applicant }}').default('Review case'),
    role: z.string().min(1).default('reviewer').meta({ title: 'Assign to role', description: 'Reviewer group whose members may decide, e.g. credit-officer' }),
    decisions: z
      .array(z.object({ name: name.meta({ title: 'Decision' }), label: z.string().min(1).meta({ title: 'Button label' }) }))
      .min(1, 'a review needs at least one decision')
      .max(10)
      .default([
        { name: 'approve', label: 'Approve' },
        { name: 'reject', label: 'Reject' },
      ])
      .meta({ title: 'Decisions', description: 'Each becomes an output port' }),
    proposal: expression('AI proposal', 'nodes.score.value >= 0.5 ? "approve" : "reject"')
      .optional()
      .meta({ description: 'The decision the AI proposes; deciding otherwise needs a reason' }),
    show: z
      .array(z.object({ label: z.string().min(1), value: expression('Value', 'input.amount') }))
      .max(50)
      .default([])
      .meta({ title: 'Show the reviewer', description: 'Empty: the run input and every earlier output' }),
    form: z
      .array(
        z.object({
          name: z.string().regex(/^[A-Za-z_]\w*$/, 'an identifier, e.g. amount'),
          label: z.string().min(1),
          type: z.enum(['string', 'number', 'boolean', 'date']).default('string'),
          value: expression('Current value', 'input.amount'),
        }),
      )
      .max(50)
      .default([])
      .meta({ title: 'Fields the reviewer may correct' }),
    due: duration('Due within').optional(),
    onDeadline: z
      .enum(['remind', 'escalate', 'port'])
      .default('remind')
      .meta({ title: 'At the deadline', description: 'remind the role · escalate to another role · leave by the “overdue” port' }),
    escalateTo: z.string().min(1).optional().meta({ title: 'Escalate to role' }),
    approvals: z.number().int().min(1).max(5).default(1).meta({ title: 'Distinct reviewers needed', description: '2 = four eyes' }),
    approvalDecisions: z.array(name).default([]).meta({ title: 'Decisions that need all reviewers', description: 'Default: the first decision' }),
  }),
  check: (config) => {
    const problems = []
    if (config.onDeadline === 'escalate' && !config.escalateTo) problems.push({ path: ['escalateTo'], message: 'escalating needs a role to escalate to' })
    const names = config.decisions.map((d) => d.name)
    for (const [i, d] of names.entries()) {
      if (names.indexOf(d) !== i) problems.push({ path: ['decisions', i, 'name'], message: `decision '${d}' appears twice` })
      if (d === 'overdue' && config.onDeadline === 'port') problems.push({ path: ['decisions', i, 'name'], message: '“overdue” is taken by the deadline port' })
    }
    return problems
  },
  expressions: (config) => [
    ...templateChecks(['title'], config.title),
    ...(config.proposal ? [{ path: ['proposal'], source: config.proposal }] : []),
    ...config.show.map((s, i) => ({ path: ['show', i, 'value'], source: s.value })),
    ...config.form.map((f, i) => ({ path: ['form', i, 'value'], source: f.value })),
  ],
  summary: (config) =>
    `${config.role}${config.approvals > 1 ? ` · ${config.approvals} reviewers` : ''}${config.due ? ` · due ${config.due}` : ''}`,
  execute: (ctx, _input, config) => {
    const show: JsonObject = {}
    if (config.show.length === 0) Object.assign(show, { input: ctx.input, ...ctx.nodes })
    for (const item of config.show) show[item.label] = (ctx.evaluate(item.value) ?? null) as Json
    const form: TaskField[] = config.form.map((f) => ({ name: f.name, label: f.label, type: f.type, value: (ctx.evaluate(f.value) ?? null) as Json }))
    const proposal = config.proposal ? ctx.evaluate(config.proposal) : undefined
    const dueAt = config.due ? addDuration(ctx.now(), config.due).toISOString() : undefined
    return {
      wait: {
        task: {
          title: ctx.render(config.title, { numbers: 'grouped' }),
          role: config.role,
          decisions: config.decisions.map((d) => d.name),
          decisionLabels: Object.fromEntries(config.decisions.map((d) => [d.name, d.label])),
          show,
          form,
          proposedDecision: typeof proposal === 'string' ? proposal : undefined,
          dueAt,
          requiredApprovals: config.approvals,
          approvalDecisions: config.approvalDecisions.length > 0 ? config.approvalDecisions : [config.decisions[0].name],
        },
        timers: dueAt ? [{ name: 'deadline', at: dueAt }] : [],
      },
    }
  },
  resume: (_ctx, signal, config): NodeResult => {
    if (signal.kind === 'decision') {
      return { port: signal.decision, data: { decision: signal.decision, by: signal.by, reason: signal.reason ?? null, fields: signal.data } }
    }
    if (signal.kind === 'timer' && signal.name === 'deadline') {
      if (config.onDeadline === 'port') return { port: 'overdue', data: { decision: null, overdue: true } }
      if (config.onDeadline === 'escalate') return { stay: { reassign: { role: config.escalateTo!, reason: `not decided by the deadline (${config.due})` } } }
      return { stay: { remind: true } }
    }
    return { stay: {} }
  },
})
