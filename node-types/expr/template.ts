/**
 * Message templates: text with `{{ expression }}` placeholders, each a CEL
 * expression over the run's data. Values are inserted as plain text; text a
 * customer typed is data and is never evaluated.
 */
import { compileExpression } from './cel.js'

const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g
const MAX_PLACEHOLDERS = 50

/** Every expression in a template, for the validator. */
export function templateExpressions(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].slice(0, MAX_PLACEHOLDERS).map((m) => m[1])
}

/**
 * The expressions of a template as a node type's `expressions()` lists them.
 *
 * @example
 * expressions: (config) => [...templateChecks(['title'], config.title)]
 */
export function templateChecks(path: (string | number)[], template: string | undefined): { path: (string | number)[]; source: string }[] {
  return template ? templateExpressions(template).map((source) => ({ path, source })) : []
}

/**
 * Fill a template.
 *
 * @example
 * renderTemplate('Hello {{ input.name }}', { input: { name: 'Ada' } }) // 'Hello Ada'
 */
export function renderTemplate(template: string, scope: Record<string, unknown>): string {
  let count = 0
  return template.replace(PLACEHOLDER, (_, source: string) => {
    if (++count > MAX_PLACEHOLDERS) return ''
    return display(compileExpression(source)(scope))
  })
}

function display(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
