/**
 * Message layouts for the channels that need one (e-mail): `{{ path }}`
 * inserts a value found by a dotted path, `{{#path}}…{{/path}}` keeps its
 * inside only when the value is there. Nothing is evaluated: a value is
 * inserted as text (HTML-escaped in HTML) and never read again as a
 * template, so what a customer typed stays what they typed.
 */

export interface Layout {
  subject: string
  text: string
  html: string
}

export type Layouts = Record<'request' | 'reminder' | 'notice', Layout>

const BUTTON = 'display:inline-block;padding:12px 20px;background:#1d4ed8;color:#ffffff;border-radius:6px;text-decoration:none;font-weight:600'
const HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{{ message.subject }}</title></head>
<body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:24px">
<p style="white-space:pre-line;font-size:16px;line-height:1.5;margin:0 0 20px">{{ message.body }}</p>
{{#link}}<p style="margin:0 0 8px"><a href="{{ link }}" style="${BUTTON}">{{ action }}</a></p>
<p style="font-size:13px;color:#475569;margin:0">{{ link }}</p>{{/link}}
</div></body></html>
`

export const DEFAULT_LAYOUTS: Layouts = {
  request: { subject: '{{ message.subject }}', text: '{{ message.body }}\n{{#link}}\n{{ action }}: {{ link }}\n{{/link}}', html: HTML },
  reminder: { subject: '{{ message.subject }}', text: '{{ message.body }}\n{{#link}}\n{{ action }}: {{ link }}\n{{/link}}', html: HTML },
  notice: { subject: '{{ message.subject }}', text: '{{ message.body }}\n', html: HTML },
}

const TOKEN = /\{\{\s*([#/]?)\s*([A-Za-z_][\w.]*)\s*\}\}/g

/**
 * @example
 * renderLayout('<b>{{ name }}</b>', { name: '<i>Ada</i>' }, 'html') // '<b>&lt;i&gt;Ada&lt;/i&gt;</b>'
 */
export function renderLayout(layout: string, data: Record<string, unknown>, mode: 'text' | 'html'): string {
  const sections = layout.replace(/\{\{\s*#\s*([A-Za-z_][\w.]*)\s*\}\}([\s\S]*?)\{\{\s*\/\s*\1\s*\}\}/g, (_, path: string, inner: string) =>
    present(lookup(data, path)) ? inner : '',
  )
  return sections.replace(TOKEN, (_, kind: string, path: string) => {
    if (kind) return ''
    const text = display(lookup(data, path))
    return mode === 'html' ? escapeHtml(text) : text
  })
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

function lookup(data: unknown, path: string): unknown {
  let value: unknown = data
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && value !== false
}

function display(value: unknown): string {
  if (value === undefined || value === null) return ''
  return typeof value === 'object' ? JSON.stringify(value) : String(value)
}
