/**
 * The flow editor at /flows/<id>: toolbar on top, palette on the left, the
 * workspace in the middle (canvas, JSON view, version compare) and the side
 * panel (inspector, test run, runs, versions) on the right.
 */
import { ReactFlowProvider } from '@xyflow/react'
import '@xyflow/react/dist/base.css'
import '../styles/editor.css'
import '../styles/canvas.css'
import '../styles/inspector.css'
import '../styles/views.css'
import '../styles/live.css'
import '../styles/replay.css'
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { Link } from '../app/Link'
import type { FlowRecord, NodeTypeDescription } from '../api/types'
import { NO_PATH, type RunPath } from './canvas/overlay'
import type { ReplayOverlay } from './replay/replay-overlay'
import { Palette } from './canvas/Palette'
import { JsonPane } from './json/JsonPane'
import { LiveContext } from './live/LiveContext'
import { useLiveFlow } from './live/useLiveFlow'
import { api } from '../api/client'
import { EditorContext, type CanvasCommands, type CentreView, type EditorContextValue, type PanelTab } from './EditorContext'
import { SidePanel } from './SidePanel'
import { createEditorStore, flowOf } from './store/editor-store'
import { Toolbar } from './toolbar/Toolbar'
import { useLoadEditor } from './useLoadEditor'
import { useSave } from './useSave'
import { useShortcuts } from './useShortcuts'
import { useUnsavedGuard } from './useUnsavedGuard'
import { useValidation } from './useValidation'
import { Workspace } from './Workspace'

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

function Editor({ record, typeList: initialTypes }: { record: FlowRecord; typeList: NodeTypeDescription[] }) {
  const [store] = useState(() => createEditorStore(record.flow))
  const flow = useSyncExternalStore(store.subscribe, () => flowOf(store.get()))
  const { problems, validating } = useValidation(flow)
  const save = useSave(store, record.latestVersion)
  const [tab, setTab] = useState<PanelTab>('inspect')
  const [centre, setCentre] = useState<CentreView>({ kind: 'canvas' })
  const [runPath, setRunPath] = useState<RunPath>(NO_PATH)
  const [replay, setReplay] = useState<ReplayOverlay | null>(null)
  // A node type file changed on a dev server: the palette and inspector take the new definitions.
  const [typeList, setTypeList] = useState(initialTypes)
  const live = useLiveFlow(record.flow.id, () => void api.nodeTypes().then(setTypeList, () => {}))
  const [overlayOn, setOverlayOn] = useState(record.latestVersion > 0)
  const liveShown = overlayOn ? live.state : null
  const overlay = useMemo(() => ({ run: runPath, live: replay ? null : liveShown, replay }), [runPath, liveShown, replay])
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
    () => ({ store, types, typeList, problems, validating, save, tab, setTab, centre, setCentre, overlayOn, setOverlayOn, showRunPath: setRunPath, showReplay: setReplay, canvas }),
    [store, types, typeList, problems, validating, save, tab, centre, overlayOn, canvas],
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
      <LiveContext.Provider value={live}>
      <ReactFlowProvider>
        <div className="editor">
          <Toolbar helpOpen={helpOpen} setHelpOpen={setHelpOpen} />
          <div className={`editor-body${centre.kind === 'json' ? ' with-json' : ''}`}>
            <Palette />
            <Workspace commands={commandsRef} overlay={overlay} />
            {centre.kind === 'json' && <JsonPane />}
            {/* Kept mounted under the JSON view, so a test run in progress carries on. */}
            <SidePanel hidden={centre.kind === 'json'} />
          </div>
        </div>
      </ReactFlowProvider>
      </LiveContext.Provider>
    </EditorContext.Provider>
  )
}
