/**
 * `customer-confirmation`: the customer answers from a signed, single-use,
 * expiring link — confirm or reject, pick an option, fill fields, or rate.
 * One port per answer plus `expired`; reminders go out before expiry.
 */
import { z } from 'zod'
import { addDuration } from '../expr/duration.js'
import { templateChecks } from '../expr/template.js'
import { duration, expression, template } from '../sdk/fields.js'
import { defineNodeType } from '../sdk/define-node-type.js'
import type { CustomerRequestSpec, NodeResult } from '../sdk/types.js'

type Kind = CustomerRequestSpec['kind']

/** The answers (and ports) each kind of request offers. */
export function answersFor(kind: Kind, allowOther: boolean): string[] {
  if (kind === 'confirm') return ['confirm', 'reject']
  if (kind === 'choose') return allowOther ? ['choose', 'other'] : ['choose']
  if (kind === 'fill') return ['submit']
  return ['rate']
}

export const customerConfirmation = defineNodeType({
  type: 'customer-confirmation',
  version: 1,
  title: 'Customer confirmation',
  description: 'Sends the customer a signed link to confirm, choose, fill in or rate. No answer in time leaves by “expired”.',
  category: 'people',
  icon: 'smartphone',
  color: '#0891b2',
  replay: 'execute',
  waits: true,
  outputs: (config) => [...answersFor(config.kind, config.allowOther), 'expired'],
  config: z.object({
    kind: z
      .enum(['confirm', 'choose', 'fill', 'rate'])
      .default('confirm')
      .meta({ title: 'The customer should', description: 'confirm or reject · choose an option · fill in fields · rate 1–5 with a comment' }),
    to: expression('Send to', 'input.email').default('input.email'),
    subject: template('Subject').default('Please confirm'),
    message: template('Message', 'Hello {{ input.name }}, please confirm the change.').default('Please confirm.'),
    options: expression('Options', 'nodes.suggest.value.date')
      .optional()
      .meta({ description: 'For “choose”: a list of values, or of { value, label }' }),
    allowOther: z.boolean().default(false).meta({ title: 'Let the customer ask for something else', description: 'Adds an “other” answer' }),
    fields: z
      .array(z.object({ name: z.string().regex(/^[A-Za-z_]\w*$/), label: z.string().min(1), type: z.enum(['string', 'number', 'boolean', 'date']).default('string') }))
      .max(20)
      .default([])
      .meta({ title: 'Fields to fill in' }),
    expiresIn: duration('Link expires after').default('P3D'),
    remindBefore: z.array(duration('Remind before expiry')).max(5).default(['P1D']).meta({ title: 'Reminders before expiry' }),
  }),
  check: (config) => {
    if (config.kind === 'choose' && !config.options) return [{ path: ['options'], message: 'choosing needs options' }]
    if (config.kind === 'fill' && config.fields.length === 0) return [{ path: ['fields'], message: 'filling in needs at least one field' }]
    return []
  },
  expressions: (config) => [
    { path: ['to'], source: config.to },
    ...(config.options ? [{ path: ['options'], source: config.options }] : []),
    ...templateChecks(['subject'], config.subject),
    ...templateChecks(['message'], config.message),
  ],
  summary: (config) => `${config.kind} · expires ${config.expiresIn}`,
  execute: (ctx, _input, config) => {
    const now = ctx.now()
    const expiresAt = addDuration(now, config.expiresIn)
    const remindAt = config.remindBefore
      .map((d) => new Date(2 * expiresAt.getTime() - addDuration(expiresAt, d).getTime()))
      .filter((at) => at > now)
      .map((at) => at.toISOString())
    const request: CustomerRequestSpec = {
      to: String(ctx.evaluate(config.to) ?? ''),
      subject: ctx.render(config.subject),
      message: ctx.render(config.message),
      kind: config.kind,
      answers: answersFor(config.kind, config.allowOther),
      expiresAt: expiresAt.toISOString(),
      remindAt,
    }
    if (config.kind === 'choose' && config.options) request.options = toOptions(ctx.evaluate(config.options))
    if (config.kind === 'fill') request.fields = config.fields.map((f) => ({ name: f.name, label: f.label, type: f.type }))
    return {
      wait: {
        request,
        timers: [{ name: 'expiry', at: request.expiresAt }, ...remindAt.map((at, i) => ({ name: `remind-${i}`, at }))],
      },
    }
  },
  resume: (_ctx, signal): NodeResult => {
    if (signal.kind === 'answer') return { port: signal.answer, data: { answer: signal.answer, ...signal.data } }
    if (signal.kind === 'timer' && signal.name === 'expiry') return { port: 'expired', data: { answer: null, expired: true } }
    if (signal.kind === 'timer') return { stay: { remind: true } }
    return { stay: {} }
  },
})

function toOptions(value: unknown): { value: string; label: string }[] {
  if (!Array.isArray(value)) throw new Error(`options must be a list, got ${JSON.stringify(value)}`)
  return value.slice(0, 20).map((item) => {
    if (item && typeof item === 'object' && 'value' in item) {
      const o = item as { value: unknown; label?: unknown }
      return { value: String(o.value), label: String(o.label ?? o.value) }
    }
    return { value: String(item), label: String(item) }
  })
}
