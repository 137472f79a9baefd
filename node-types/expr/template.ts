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
 * renderTemplate('{{ input.amount }} EUR', { input: { amount: 150000 } }, { numbers: 'grouped' }) // '150,000 EUR'
 */
export function renderTemplate(template: string, scope: Record<string, unknown>, options: RenderOptions = {}): string {
  let count = 0
  return template.replace(PLACEHOLDER, (_, source: string) => {
    if (++count > MAX_PLACEHOLDERS) return ''
    return display(compileExpression(source)(scope), options)
  })
}

export interface RenderOptions {
  /**
   * `grouped`: numbers with thousands separators, as a person reads them
   * (`150,000`, `0.25`) — for text shown to people in the app, such as a
   * task title, so it reads like the values shown beside it. Default `plain`
   * (`150000`), as a value in a message or a link.
   */
  numbers?: 'plain' | 'grouped'
}

const grouped = new Intl.NumberFormat('en', { maximumFractionDigits: 4 })

function display(value: unknown, options: RenderOptions): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'object') return JSON.stringify(value)
  if (options.numbers === 'grouped' && (typeof value === 'number' || typeof value === 'bigint')) return grouped.format(value)
  return String(value)
}
