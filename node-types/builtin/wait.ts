/** `wait`: a timer. Pauses the run for a duration or until a time, even across restarts. */
import { z } from 'zod'
import { addDuration } from '../expr/duration.js'
import { duration, expression } from '../sdk/fields.js'
import { defineNodeType } from '../sdk/define-node-type.js'

export const wait = defineNodeType({
  type: 'wait',
  version: 1,
  title: 'Wait',
  description: 'Pauses the run for a while (P2D, PT1H) or until a time, then continues.',
  category: 'flow',
  icon: 'clock',
  color: '#64748b',
  replay: 'execute',
  waits: true,
  outputs: ['next'],
  config: z.object({
    for: duration('Wait for').optional(),
    until: expression('Wait until', 'input.deliveryDate').optional().meta({ description: 'An ISO time; used instead of a duration' }),
  }),
  check: (config) => (config.for || config.until ? [] : [{ path: ['for'], message: 'say how long to wait, or until when' }]),
  expressions: (config) => (config.until ? [{ path: ['until'], source: config.until }] : []),
  summary: (config) => (config.until ? `until ${config.until}` : `for ${config.for}`),
  execute: (ctx, input, config) => {
    const at = config.until ? parseTime(ctx.evaluate(config.until)) : addDuration(ctx.now(), config.for!)
    return { wait: { timers: [{ name: 'wake', at: at.toISOString() }], state: { input } } }
  },
  resume: (ctx, signal, _config, state) =>
    signal.kind === 'timer' ? { port: 'next', data: { ...(state.input as object), wokeAt: ctx.now().toISOString() } } : { stay: {} },
})

function parseTime(value: unknown): Date {
  const date = new Date(String(value))
  if (Number.isNaN(date.getTime())) throw new Error(`'${String(value)}' is not a time; use ISO 8601 such as 2026-12-24T09:00:00Z`)
  return date
}
