/**
 * Config field helpers: zod schemas with the metadata the designer needs to
 * pick the right editor (CEL in Monaco, a duration picker, a template).
 */
import { z } from 'zod'
import { isDuration } from '../expr/duration.js'

/**
 * A CEL expression over `input`, `nodes` and `params`.
 *
 * @example
 * z.object({ when: expression('Condition', 'nodes.score.confidence >= params.autoApprove') })
 */
export function expression(title: string, example?: string) {
  return z
    .string()
    .min(1, 'write an expression')
    .max(2000)
    .meta({ title, format: 'cel', ...(example ? { examples: [example] } : {}) })
}

/**
 * Text with `{{ expression }}` placeholders.
 *
 * @example
 * template('Message', 'Your delivery on {{ nodes.pick.date }}')
 */
export function template(title: string, example?: string) {
  return z
    .string()
    .max(5000)
    .meta({ title, format: 'template', ...(example ? { examples: [example] } : {}) })
}

/**
 * An ISO 8601 duration such as `P3D` or `PT4H`.
 *
 * @example
 * duration('Due within')
 */
export function duration(title: string) {
  return z
    .string()
    .refine(isDuration, { message: 'use an ISO 8601 duration such as P3D (3 days) or PT4H (4 hours)' })
    .meta({ title, format: 'duration' })
}
