/**
 * The API reference at `/api/docs`: `GET /api/openapi.json` drawn as a page —
 * routes by tag, who may call each, parameters, bodies with examples, and
 * answers. Its own chunk, loaded only when opened; nothing from a CDN.
 */
import { useEffect, useState } from 'react'
import { request } from '../api/client'

interface Operation {
  summary: string
  description?: string
  tags: string[]
  parameters?: { name: string; in: string; required: boolean; description?: string; schema: unknown }[]
  requestBody?: { content: Record<string, { schema?: unknown; example?: unknown }> }
  responses: Record<string, { description: string; content?: Record<string, { schema?: unknown; example?: unknown }> }>
  'x-inloop-roles'?: string[]
  security: unknown[]
}

interface Document {
  info: { title: string; version: string; description: string }
  paths: Record<string, Record<string, Operation>>
}

export function ApiDocsPage() {
  const [doc, setDoc] = useState<Document | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    request<Document>('GET', '/api/openapi.json').then(setDoc, (e: Error) => setError(e.message))
  }, [])
  if (error) return <div className="empty-page">The API description could not be read: {error}</div>
  if (!doc) return <div className="page-loading">Reading the API description…</div>
  const byTag = new Map<string, [string, string, Operation][]>()
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) byTag.set(op.tags[0], [...(byTag.get(op.tags[0]) ?? []), [method, path, op]])
  }
  return (
    <main className="api-docs" style={{ maxWidth: 960, margin: '0 auto', padding: '24px 16px' }}>
      <h1>
        {doc.info.title} <small>{doc.info.version}</small>
      </h1>
      <p>{doc.info.description}</p>
      <p>
        <a href="/api/openapi.json">OpenAPI 3.1 document (JSON)</a>
      </p>
      <nav aria-label="Groups">
        {[...byTag.keys()].map((tag) => (
          <a key={tag} href={`#${slug(tag)}`} style={{ marginRight: 12 }}>
            {tag}
          </a>
        ))}
      </nav>
      {[...byTag].map(([tag, ops]) => (
        <section key={tag} id={slug(tag)}>
          <h2>{tag}</h2>
          {ops.map(([method, path, op]) => (
            <OperationView key={`${method} ${path}`} method={method} path={path} op={op} />
          ))}
        </section>
      ))}
    </main>
  )
}

function OperationView({ method, path, op }: { method: string; path: string; op: Operation }) {
  const body = op.requestBody && Object.entries(op.requestBody.content)[0]
  return (
    <details className="api-op" data-testid={`op-${method}-${path}`} style={{ borderTop: '1px solid #ddd', padding: '8px 0' }}>
      <summary>
        <code style={{ fontWeight: 700, textTransform: 'uppercase', marginRight: 8 }}>{method}</code>
        <code>{path}</code> — {op.summary}
      </summary>
      {op.description && <p style={{ whiteSpace: 'pre-wrap' }}>{op.description}</p>}
      <p>{op.security.length === 0 ? 'No sign-in needed.' : `Session cookie or bearer API key${op['x-inloop-roles'] ? `; role ${op['x-inloop-roles'].join(' or ')}` : ''}.`}</p>
      {op.parameters && (
        <table>
          <tbody>
            {op.parameters.map((p) => (
              <tr key={`${p.in}-${p.name}`}>
                <td>
                  <code>{p.name}</code>
                </td>
                <td>{p.in}</td>
                <td>{p.required ? 'required' : 'optional'}</td>
                <td>{p.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {body && (
        <>
          <h4>Body ({body[0]})</h4>
          {body[1].example !== undefined && <Json value={body[1].example} />}
          <Json value={body[1].schema} label="schema" />
        </>
      )}
      <h4>Answers</h4>
      <ul>
        {Object.entries(op.responses).map(([status, r]) => (
          <li key={status}>
            <strong>{status}</strong> {r.description}
            {r.content && Object.values(r.content)[0]?.example !== undefined && <Json value={Object.values(r.content)[0].example} />}
          </li>
        ))}
      </ul>
    </details>
  )
}

function Json({ value, label }: { value: unknown; label?: string }) {
  const text = <pre style={{ background: '#f6f6f6', padding: 8, overflow: 'auto', maxHeight: 320 }}>{JSON.stringify(value, null, 2)}</pre>
  return label ? (
    <details>
      <summary>{label}</summary>
      {text}
    </details>
  ) : (
    text
  )
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-')
