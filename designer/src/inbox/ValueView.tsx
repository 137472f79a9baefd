/**
 * Any JSON value as a reviewer reads it: text keeps its line breaks, numbers
 * get separators, lists and objects nest (two levels, then compact JSON).
 */
import { humanize } from '../ui/format'

/** Labels a flow's designer wrote stay as written; identifiers (`orderId`) are spelled out. */
export const labelOf = (key: string): string => (/^[a-z][A-Za-z0-9_-]*$/.test(key) ? humanize(key) : key)

export function formatScalar(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return value ? 'Yes' : 'No'
  if (typeof value === 'number') return value.toLocaleString('en', { maximumFractionDigits: 4 })
  return String(value)
}

const isScalar = (v: unknown) => v === null || typeof v !== 'object'

export function ValueView({ value, depth = 0 }: { value: unknown; depth?: number }) {
  if (isScalar(value)) {
    const text = formatScalar(value)
    return <span className={text === '—' ? 'value value-empty' : typeof value === 'string' ? 'value value-text' : 'value'}>{text}</span>
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="value value-empty">none</span>
    if (value.every(isScalar)) return <span className="value">{value.map(formatScalar).join(', ')}</span>
  }
  if (depth >= 2) return <code className="value value-json">{JSON.stringify(value)}</code>
  const entries = Array.isArray(value) ? value.map((v, i) => [`${i + 1}`, v] as const) : Object.entries(value as object)
  return (
    <dl className="nested">
      {entries.map(([k, v]) => (
        <div key={k} className="nested-row">
          <dt>{labelOf(k)}</dt>
          <dd>
            <ValueView value={v} depth={depth + 1} />
          </dd>
        </div>
      ))}
    </dl>
  )
}
