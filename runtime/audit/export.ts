/**
 * The audit trail as files: CSV (one row per entry, for a spreadsheet) and
 * JSON Lines. CSV cells that a spreadsheet would run as a formula (starting
 * with = + - @ or a tab) are prefixed with a quote: a customer's comment
 * must not become a formula in an auditor's spreadsheet.
 */
import type { AuditEntry } from './timeline.js'

const COLUMNS = ['seq', 'at', 'actor', 'action', 'step', 'summary', 'reason', 'details'] as const

export function auditCsv(entries: readonly AuditEntry[]): string {
  const rows = entries.map((e) =>
    COLUMNS.map((c) => {
      const value = c === 'details' ? (e.details ? JSON.stringify(e.details) : '') : e[c]
      return csvCell(value === undefined ? '' : String(value))
    }).join(','),
  )
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`
}

export function auditJsonl(entries: readonly AuditEntry[]): string {
  return entries.map((e) => `${JSON.stringify(e)}\n`).join('')
}

function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
