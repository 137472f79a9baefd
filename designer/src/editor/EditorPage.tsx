/**
 * The flow editor at /flows/<id>: toolbar on top, palette on the left, the
 * canvas in the middle and the side panel (inspector, test run, versions)
 * on the right.
 */
import { ReactFlowProvider } from '@xyflow/react'
import '@xyflow/react/dist/base.css'
import '../styles/editor.css'
import '../styles/canvas.css'
import '../styles/inspector.css'
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { Link } from '../app/Link'
import type { FlowRecord, NodeTypeDescription } from '../api/types'
import { Canvas } from './canvas/Canvas'
import { Palette } from './canvas/Palette'
import type { NodeRunStatus } from './canvas/to-react-flow'
import { EditorContext, type CanvasCommands, type EditorContextValue, type PanelTab } from './EditorContext'
import { SidePanel } from './SidePanel'
import { createEditorStore, flowOf } from './store/editor-store'
import { Toolbar } from './toolbar/Toolbar'
import { useLoadEditor } from './useLoadEditor'
import { useSave } from './useSave'
import { useShortcuts } from './useShortcuts'
import { useUnsavedGuard } from './useUnsavedGuard'
import { useValidation } from './useValidation'

export function EditorPage({ flowId }: { flowId: string }) {
  const loaded = useLoadEditor(flowId)
  if (loaded.status === 'loading') return <div className="page-loading">Opening flow…</div>
  if (loaded.status === 'error') {
    return (
      <div className="empty-page">
        <h1>{loaded.notFound ? `There is no flow “${flowId}”` : 'The flow could not be opened'}</h1>
        <p className="muted">{loaded.message}</p>
        <Link href="/" className="button">
          Back to your flows
        </Link>
      </div>
    )
  }
  return <Editor record={loaded.record} typeList={loaded.types} />
}

function Editor({ record, typeList }: { record: FlowRecord; typeList: NodeTypeDescription[] }) {
  const [store] = useState(() => createEditorStore(record.flow))
  const flow = useSyncExternalStore(store.subscribe, () => flowOf(store.get()))
  const { problems, validating } = useValidation(flow)
  const save = useSave(store, record.latestVersion)
  const [tab, setTab] = useState<PanelTab>('inspect')
  const [run, setRun] = useState<Map<string, NodeRunStatus>>(() => new Map())
  const commandsRef = useRef<CanvasCommands>({ fitView() {}, async autoLayout() {}, addNodeAtCenter() {}, focusNode() {} })
  const canvas = useMemo<CanvasCommands>(
    () => ({
      fitView: () => commandsRef.current.fitView(),
      autoLayout: () => commandsRef.current.autoLayout(),
      addNodeAtCenter: (t) => commandsRef.current.addNodeAtCenter(t),
      focusNode: (id) => commandsRef.current.focusNode(id),
    }),
    [],
  )
  const types = useMemo(() => new Map(typeList.map((t) => [t.type, t])), [typeList])
  const value = useMemo<EditorContextValue>(
    () => ({ store, types, typeList, problems, validating, save, tab, setTab, canvas }),
    [store, types, typeList, problems, validating, save, tab, canvas],
  )
  const [helpOpen, setHelpOpen] = useState(false)
  useShortcuts(value, () => setHelpOpen((o) => !o))
  useUnsavedGuard(store)
  useEffect(() => {
    // A read-only window for browser tests and support: the flow as the editor holds it now.
    ;(window as unknown as { inloopEditor?: unknown }).inloopEditor = { flow: () => flowOf(store.get()), selection: () => store.get().selection }
  }, [store])
  return (
    <EditorContext.Provider value={value}>
      <ReactFlowProvider>
        <div className="editor">
          <Toolbar helpOpen={helpOpen} setHelpOpen={setHelpOpen} />
          <div className="editor-body">
            <Palette />
            <Canvas commands={commandsRef} run={run} />
            <SidePanel onRunState={setRun} />
          </div>
        </div>
      </ReactFlowProvider>
    </EditorContext.Provider>
  )
}
