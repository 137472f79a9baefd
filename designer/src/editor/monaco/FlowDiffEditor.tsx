/** Two flows' JSON side by side in Monaco's diff editor, read-only. */
import { useEffect, useLayoutEffect, useRef } from 'react'
import type { editor } from 'monaco-editor/editor/editor.api'
import { monaco } from './monaco-setup'

export interface FlowDiffEditorProps {
  original: string
  modified: string
}

export function FlowDiffEditor({ original, modified }: FlowDiffEditorProps) {
  const host = useRef<HTMLDivElement>(null)
  const diff = useRef<editor.IStandaloneDiffEditor | null>(null)
  useLayoutEffect(() => {
    const ed = monaco.editor.createDiffEditor(host.current!, {
      theme: 'inloop',
      readOnly: true,
      automaticLayout: true,
      renderSideBySide: true,
      renderOverviewRuler: false,
      minimap: { enabled: false },
      fontSize: 12,
      scrollBeyondLastLine: false,
      hideUnchangedRegions: { enabled: true, contextLineCount: 3, minimumLineCount: 5 },
      editContext: false,
    })
    diff.current = ed
    return () => {
      const models = ed.getModel()
      ed.dispose()
      models?.original.dispose()
      models?.modified.dispose()
    }
  }, [])
  useEffect(() => {
    const ed = diff.current!
    const old = ed.getModel()
    ed.setModel({ original: monaco.editor.createModel(original, 'json'), modified: monaco.editor.createModel(modified, 'json') })
    old?.original.dispose()
    old?.modified.dispose()
  }, [original, modified])
  return <div ref={host} className="diff-view-editor" data-testid="diff-editor" />
}
