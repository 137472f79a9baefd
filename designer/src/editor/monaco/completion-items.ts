/**
 * What to suggest at the cursor of an expression: the variables in scope
 * (`input.…`, `nodes.…`, `params.…`) matching what is typed, and at the
 * start of a name the CEL functions too. Pure, so it is tested without a
 * browser; the Monaco provider only maps it to completion items.
 */
import type { ScopeVariable } from '../inspector/scope'

export interface Completion {
  label: string
  insert: string
  detail: string
  kind: ScopeVariable['kind'] | 'root' | 'function'
  /** Order: the closest match first. */
  sort: string
}

const ROOTS: Completion[] = [
  { label: 'input', insert: 'input', detail: 'what the run started with', kind: 'root', sort: '0' },
  { label: 'nodes', insert: 'nodes', detail: 'outputs of earlier steps, by step id', kind: 'root', sort: '0' },
  { label: 'params', insert: 'params', detail: 'the flow’s parameters', kind: 'root', sort: '0' },
]

const FUNCTIONS: [string, string][] = [
  ['size', 'size(list or text)'],
  ['has', 'has(x.field): is the field set?'],
  ['int', 'int(value)'],
  ['double', 'double(value)'],
  ['string', 'string(value)'],
  ['timestamp', 'timestamp("2026-01-31T00:00:00Z")'],
  ['duration', 'duration("48h")'],
]

const NAME_BEFORE_CURSOR = /[A-Za-z_](?:[\w.]|\["[^"]*"?\]?)*$/

/** Inside `{{ … }}` of a template (only there are names expressions). */
export function insidePlaceholder(textBefore: string): boolean {
  return textBefore.lastIndexOf('{{') > textBefore.lastIndexOf('}}')
}

export function completionsAt(textBefore: string, language: 'cel' | 'template', scope: ScopeVariable[]): { items: Completion[]; typed: string } | null {
  if (language === 'template' && !insidePlaceholder(textBefore)) return null
  const expr = language === 'template' ? textBefore.slice(textBefore.lastIndexOf('{{') + 2) : textBefore
  // Right after a number or inside a string, there is nothing to suggest.
  if (/(?:^|[^\w.])\d+\.?$/.test(expr) || unclosedString(expr)) return null
  const typed = NAME_BEFORE_CURSOR.exec(expr)?.[0] ?? ''
  const cut = Math.max(typed.lastIndexOf('.'), typed.lastIndexOf('['))
  const order: Record<string, string> = { input: '1', field: '2', node: '2', param: '3' }
  const variables = scope
    .filter((v) => (cut < 0 ? true : v.path.startsWith(typed.slice(0, cut + 1))) && v.path !== typed)
    .map((v): Completion => ({ label: v.path, insert: v.path, detail: v.detail, kind: v.kind, sort: `${order[v.kind]}${v.path}` }))
  if (cut >= 0) return { items: variables, typed }
  const functions = FUNCTIONS.map(([name, detail]): Completion => ({ label: name, insert: `${name}(`, detail, kind: 'function', sort: `4${name}` }))
  return { items: [...ROOTS, ...variables, ...functions], typed }
}

function unclosedString(text: string): boolean {
  const plain = text.replace(/\\./g, '')
  return (plain.split('"').length - 1) % 2 === 1 || (plain.split("'").length - 1) % 2 === 1
}
