/**
 * An expression field in Monaco, with the light `ExpressionInput`'s props:
 * CEL highlighting, completion of the variables in scope, and problems
 * marked where they are (syntax from the runtime's own parser, unknown
 * steps and parameters as warnings). Grows with its text; Enter never adds
 * a line to a one-line expression, Tab moves on to the next field.
 */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { editor } from 'monaco-editor/editor/editor.api'
import type { ExpressionInputProps } from '../inspector/ExpressionInput'
import { CEL, provideScope, registerCel, TEMPLATE } from './cel-language'
import { expressionProblems } from './expression-problems'
import { monaco } from './monaco-setup'

const OPTIONS: editor.IStandaloneEditorConstructionOptions = {
  theme: 'inloop',
  minimap: { enabled: false },
  lineNumbers: 'off',
  glyphMargin: false,
  folding: false,
  lineDecorationsWidth: 8,
  lineNumbersMinChars: 0,
  renderLineHighlight: 'none',
  overviewRulerLanes: 0,
  hideCursorInOverviewRuler: true,
  scrollBeyondLastLine: false,
  scrollbar: { vertical: 'hidden', horizontal: 'hidden', alwaysConsumeMouseWheel: false },
  wordWrap: 'on',
  wrappingStrategy: 'advanced',
  fontSize: 12.5,
  lineHeight: 19,
  fontFamily: "ui-monospace, 'JetBrains Mono', 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', monospace",
  padding: { top: 5, bottom: 5 },
  fixedOverflowWidgets: true,
  contextmenu: false,
  tabFocusMode: true,
  quickSuggestions: { other: true, strings: false, comments: false },
  suggestOnTriggerCharacters: true,
  wordBasedSuggestions: 'off',
  suggest: { showWords: false, preview: true },
  automaticLayout: true,
  // A plain <textarea> for input: labels, the canvas's key handling and tests all recognise it.
  editContext: false,
}

export function MonacoExpression({ id, value, onChange, language, scope, placeholder, invalid, multiline }: ExpressionInputProps) {
  const host = useRef<HTMLDivElement>(null)
  const model = useRef<editor.ITextModel | null>(null)
  const replace = useRef<(text: string) => void>(() => {})
  const latest = useRef({ onChange, scope })
  latest.current = { onChange, scope }
  const check = () => {
    const m = model.current
    if (!m) return
    const markers = expressionProblems(m.getValue(), language, latest.current.scope).map((p) => {
      const from = m.getPositionAt(p.start)
      const to = m.getPositionAt(p.end)
      const severity = p.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning
      return { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column, message: p.message, severity }
    })
    monaco.editor.setModelMarkers(m, 'inloop', markers)
  }

  useLayoutEffect(() => {
    registerCel()
    const m = monaco.editor.createModel(value, language === 'cel' ? CEL : TEMPLATE)
    model.current = m
    const ed = monaco.editor.create(host.current!, { ...OPTIONS, model: m, placeholder, ariaLabel: language === 'cel' ? 'CEL expression' : 'Message template' })
    // The field's <label for=…> points at the editor's text area.
    const textarea = ed.getDomNode()?.querySelector('textarea')
    if (textarea) textarea.id = id
    const unscope = provideScope(m, () => latest.current.scope)
    let external = false
    const changes = m.onDidChangeContent(() => {
      if (!external) latest.current.onChange(m.getValue())
      check()
    })
    if (!multiline) ed.addCommand(monaco.KeyCode.Enter, () => {}, '!suggestWidgetVisible')
    const grow = () => {
      const height = Math.min(Math.max(ed.getContentHeight(), 30), 240)
      host.current!.style.height = `${height}px`
      ed.layout()
    }
    const sizes = ed.onDidContentSizeChange(grow)
    grow()
    check()
    replace.current = (text) => {
      external = true
      m.pushEditOperations([], [{ range: m.getFullModelRange(), text }], () => null)
      external = false
    }
    return () => {
      changes.dispose()
      sizes.dispose()
      unscope()
      ed.dispose()
      m.dispose()
      model.current = null
    }
    // The editor is made once; value and scope changes are applied below.
  }, [])

  // A change from outside (undo, a restored version): take it without echoing it back.
  useEffect(() => {
    const m = model.current
    if (m && m.getValue() !== value) replace.current(value)
  }, [value])
  useEffect(check, [scope])

  return (
    <div className={`expr expr-monaco${invalid ? ' is-invalid' : ''}`} data-monaco-field={id}>
      <div ref={host} className="expr-monaco-host" />
      <span className="expr-lang" aria-hidden>
        {language === 'cel' ? 'CEL' : '{{ }}'}
      </span>
    </div>
  )
}
