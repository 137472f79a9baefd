/**
 * The whole flow as JSON in Monaco, checked against the flow JSON Schema
 * (`GET /api/schema/flow`) as you type. Two-way: an edit that parses and has
 * the flow's shape replaces the flow on the canvas (typing coalesces into
 * one undo step); a canvas edit rewrites the text, unless the text holds
 * edits that could not be applied yet — then the view offers to reload.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { editor } from 'monaco-editor/editor/editor.api'
import { flowOf, type EditorStore } from '../store/editor-store'
import type { Flow } from '../../api/types'
import { flowText, parseFlowText } from './json-apply'
import { jsonDefaults, monaco } from './monaco-setup'

export interface FlowJsonEditorProps {
  store: EditorStore
  schema: Record<string, unknown> | null
}

interface Problem {
  message: string
  line?: number
}

const SCHEMA_URI = 'inloop://schema/flow.json'
const APPLY_MS = 350

export function FlowJsonEditor({ store, schema }: FlowJsonEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null)
  const [problems, setProblems] = useState<{ shape: string[]; markers: Problem[]; syntax: boolean }>({ shape: [], markers: [], syntax: false })
  const [stale, setStale] = useState(false)
  const reload = useRef<() => void>(() => {})

  useLayoutEffect(() => {
    const flow = flowOf(store.get())
    const uri = monaco.Uri.parse(`inmemory://inloop/${encodeURIComponent(flow.id)}.flow.json`)
    const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(flowText(flow), 'json', uri)
    model.setValue(flowText(flow))
    const ed = monaco.editor.create(host.current!, {
      model,
      theme: 'inloop',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 12.5,
      tabSize: 2,
      scrollBeyondLastLine: false,
      wordWrap: 'on',
      fixedOverflowWidgets: true,
      editContext: false,
      ariaLabel: 'Flow JSON',
    })
    editorRef.current = ed
    let applied: Flow = flow
    let pending = false
    let external = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const showText = (next: Flow) => {
      const text = flowText(next)
      if (text === model.getValue()) return
      const selections = ed.getSelections()
      external = true
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text }], () => null)
      external = false
      if (selections) ed.setSelections(selections)
    }
    const apply = () => {
      const result = parseFlowText(model.getValue(), flowOf(store.get()).id)
      if (!result.ok) return setProblems((p) => ({ ...p, shape: result.problems, syntax: result.syntax === true }))
      pending = false
      setProblems((p) => ({ ...p, shape: [], syntax: false }))
      applied = result.flow
      store.dispatch({ type: 'edit', key: 'json-view', edit: () => result.flow })
    }
    const typed = model.onDidChangeContent(() => {
      if (external) return
      pending = true
      clearTimeout(timer)
      timer = setTimeout(apply, APPLY_MS)
    })
    const unsubscribe = store.subscribe(() => {
      const next = flowOf(store.get())
      if (next === applied) return
      applied = next
      if (pending) setStale(true)
      else showText(next)
    })
    reload.current = () => {
      pending = false
      setStale(false)
      setProblems((p) => ({ ...p, shape: [], syntax: false }))
      showText(flowOf(store.get()))
    }
    const markers = monaco.editor.onDidChangeMarkers((uris) => {
      if (!uris.some((u) => u.toString() === uri.toString())) return
      const list = monaco.editor.getModelMarkers({ resource: uri }).filter((m) => m.severity >= monaco.MarkerSeverity.Warning)
      setProblems((p) => ({ ...p, markers: list.map((m) => ({ message: m.message, line: m.startLineNumber })) }))
    })
    return () => {
      clearTimeout(timer)
      typed.dispose()
      markers.dispose()
      unsubscribe()
      ed.dispose()
      model.dispose()
    }
  }, [store])

  useEffect(() => {
    if (!schema) return
    const uri = editorRef.current?.getModel()?.uri.toString()
    jsonDefaults.setDiagnosticsOptions({ validate: true, allowComments: false, trailingCommas: 'error', enableSchemaRequest: false, schemaValidation: 'error', schemas: [{ uri: SCHEMA_URI, fileMatch: uri ? [uri] : ['*.flow.json'], schema }] })
  }, [schema])

  const reveal = (line?: number) => {
    if (!line || !editorRef.current) return
    editorRef.current.revealLineInCenter(line)
    editorRef.current.setPosition({ lineNumber: line, column: 1 })
    editorRef.current.focus()
  }
  // Monaco marks JSON syntax errors itself; the parser's own message only when it has none.
  const shape = problems.syntax && problems.markers.length > 0 ? [] : problems.shape
  const all: Problem[] = [...problems.markers, ...shape.map((message) => ({ message }))]
  return (
    <div className="json-view-body">
      {stale && (
        <div className="json-view-stale" role="status">
          The canvas changed while this text had edits that are not applied.
          <button className="button button-small" onClick={() => reload.current()}>
            Show the canvas’s flow
          </button>
        </div>
      )}
      <div ref={host} className="json-view-editor" data-testid="json-editor" />
      {all.length > 0 && (
        <div className="json-view-problems" data-testid="json-problems">
          <div className="json-view-problems-head">
            <h4>{problems.shape.length > 0 ? `Not applied to the canvas — fix ${all.length === 1 ? 'this' : `these ${all.length}`} first` : 'Checked against the flow schema'}</h4>
            {problems.shape.length > 0 && (
              <button className="button button-small" onClick={() => reload.current()} data-testid="json-discard">
                Discard these edits
              </button>
            )}
          </div>
          <ul>
            {all.map((p, i) => (
              <li key={i} onClick={() => reveal(p.line)}>
                {p.line ? <strong>Line {p.line}: </strong> : null}
                {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  )
}
