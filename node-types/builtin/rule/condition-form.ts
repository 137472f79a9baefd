/**
 * Conditions for people who do not write code: a field, an operator and a
 * value (or a flow parameter), compiled to CEL — the same CEL a power user
 * would write, so the flow file always says what runs. A missing field never
 * matches (except with `missing`), rather than failing the run.
 */
import { z } from 'zod'

export const OPERATORS = ['==', '!=', '<', '<=', '>', '>=', 'contains', 'startsWith', 'endsWith', 'in', 'notIn', 'exists', 'missing'] as const
export type Operator = (typeof OPERATORS)[number]

const NO_OPERAND: ReadonlySet<Operator> = new Set(['exists', 'missing'])
const TEXT_OPERAND: ReadonlySet<Operator> = new Set(['contains', 'startsWith', 'endsWith'])
const LIST_OPERAND: ReadonlySet<Operator> = new Set(['in', 'notIn'])

export const fieldPath = z
  .string()
  .regex(/^(input|nodes|params)(\.[A-Za-z0-9_-]+)+$/, 'a field is input.<name>, nodes.<node>.<name> or params.<name>, e.g. nodes.score.confidence')
  .meta({ title: 'Field', description: 'e.g. input.amount or nodes.score.confidence' })

const scalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()])

/** The right-hand side of a comparison: a literal value, or a flow parameter by name. */
export const operandSchema = z.object({
  operator: z.enum(OPERATORS).meta({ title: 'Operator' }),
  value: z.union([scalar, z.array(z.union([z.string().max(500), z.number()])).max(100)]).optional().meta({ title: 'Value' }),
  param: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional().meta({ title: 'Or a parameter', description: 'Compare with a flow parameter an owner can change' }),
})
export type Operand = z.infer<typeof operandSchema>

export const conditionSchema = operandSchema.extend({ field: fieldPath })
export type Condition = z.infer<typeof conditionSchema>

export const formSchema = z
  .object({
    match: z.enum(['all', 'any']).default('all').meta({ title: 'Match', description: 'all: every condition must hold · any: one is enough' }),
    conditions: z.array(conditionSchema).min(1).max(20),
  })
  .meta({ title: 'Conditions (form)', description: 'Built without code; stored as CEL in “when”' })
export type ConditionForm = z.infer<typeof formSchema>

/** What is wrong with an operand, or undefined. */
export function operandProblem(o: Operand): string | undefined {
  const given = (o.value !== undefined ? 1 : 0) + (o.param !== undefined ? 1 : 0)
  if (NO_OPERAND.has(o.operator)) return given > 0 ? `'${o.operator}' takes no value` : undefined
  if (given !== 1) return `'${o.operator}' needs either a value or a parameter`
  if (LIST_OPERAND.has(o.operator) && !Array.isArray(o.value)) return `'${o.operator}' needs a list of values`
  if (!LIST_OPERAND.has(o.operator) && Array.isArray(o.value)) return `'${o.operator}' compares with one value, not a list`
  if (TEXT_OPERAND.has(o.operator) && o.value !== undefined && typeof o.value !== 'string') return `'${o.operator}' needs a text value`
  return undefined
}

function access(path: string[]): string {
  return path.map((seg, i) => (i === 0 ? seg : /^[A-Za-z_]\w*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`)).join('')
}

function literal(value: Operand['value']): string {
  if (Array.isArray(value)) return `[${value.map((v) => literal(v)).join(', ')}]`
  return JSON.stringify(value ?? null)
}

/**
 * CEL for a field compared with an operand.
 *
 * @example
 * operandToCel('nodes.score.confidence', { operator: '>=', param: 'autoApprove' })
 * // '"score" in nodes && "confidence" in nodes.score && nodes.score.confidence >= params.autoApprove'
 */
export function operandToCel(field: string, o: Operand): string {
  const path = field.split('.')
  const guards = path.slice(1).map((seg, i) => `${JSON.stringify(seg)} in ${access(path.slice(0, i + 1))}`)
  const present = guards.join(' && ')
  if (o.operator === 'exists') return present
  if (o.operator === 'missing') return `!(${present})`
  const left = access(path)
  const right = o.param !== undefined ? `params.${o.param}` : literal(o.value)
  const test =
    o.operator === 'in' ? `${left} in ${right}`
    : o.operator === 'notIn' ? `!(${left} in ${right})`
    : TEXT_OPERAND.has(o.operator) ? `${left}.${o.operator}(${right})`
    : `${left} ${o.operator} ${right}`
  return `${present} && ${test}`
}

/**
 * CEL for a whole form: its conditions joined by `&&` (all) or `||` (any).
 *
 * @example
 * formToCel({ match: 'all', conditions: [{ field: 'input.amount', operator: '>=', value: 50000 }] })
 * // '"amount" in input && input.amount >= 50000'
 */
export function formToCel(form: ConditionForm): string {
  const parts = form.conditions.map((c) => operandToCel(c.field, c))
  if (parts.length === 1) return parts[0]
  return parts.map((p) => `(${p})`).join(form.match === 'any' ? ' || ' : ' && ')
}
