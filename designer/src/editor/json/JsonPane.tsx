/**
 * The JSON view beside the canvas: the flow file as it will be saved, in
 * Monaco (loaded on first open), validated against the flow JSON Schema.
 */
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import { Icon } from '../../ui/Icon'
import { useEditorContext } from '../EditorContext'
import { useMonaco } from '../monaco/useMonaco'

let schemaCache: Promise<Record<string, unknown>> | null = null

export function JsonPane() {
  const { store, setCentre } = useEditorContext()
  const kit = useMonaco()
  const [schema, setSchema] = useState<Record<string, unknown> | null>(null)
  useEffect(() => {
    schemaCache ??= api.flowSchema()
    schemaCache.then(setSchema, () => (schemaCache = null))
  }, [])
  return (
    <section className="json-view" aria-label="Flow JSON" data-testid="json-view">
      <header className="json-view-head">
        <Icon name="braces" />
        <strong>Flow JSON</strong>
        <span className="muted small">Edits apply to the canvas when the JSON is valid.</span>
        <button className="icon-button" aria-label="Close the JSON view" title="Close" onClick={() => setCentre({ kind: 'canvas' })}>
          <Icon name="x" size={16} />
        </button>
      </header>
      {kit ? <kit.FlowJsonEditor store={store} schema={schema} /> : <p className="page-loading">Loading the JSON editor…</p>}
    </section>
  )
}
