/**
 * What every part of the editor shares: the store, the node-type catalogue,
 * the latest validation, save/publish and which side panel is open.
 */
import { createContext, useContext, useSyncExternalStore } from 'react'
import type { NodeTypeDescription } from '../api/types'
import type { RunPath } from './canvas/overlay'
import type { ReplayOverlay } from './replay/replay-overlay'
import type { ProblemIndex } from './graph/problem-index'
import type { EditorState, EditorStore } from './store/editor-store'
import type { SaveApi } from './useSave'

export type PanelTab = 'inspect' | 'run' | 'runs' | 'replay' | 'versions'

/** A published version, or the draft on the canvas. */
export type VersionRef = number | 'draft'

/** What the middle of the editor shows: the canvas, the canvas beside its JSON, or two versions compared. */
export type CentreView = { kind: 'canvas' } | { kind: 'json' } | { kind: 'compare'; left: VersionRef; right: VersionRef }

export interface EditorContextValue {
  store: EditorStore
  types: Map<string, NodeTypeDescription>
  typeList: NodeTypeDescription[]
  problems: ProblemIndex
  validating: boolean
  save: SaveApi
  tab: PanelTab
  setTab(tab: PanelTab): void
  centre: CentreView
  setCentre(view: CentreView): void
  /** Whether the canvas shows the live counts of the flow's runs. */
  overlayOn: boolean
  setOverlayOn(on: boolean): void
  /** Draw one run's path on the canvas (NO_PATH clears it). */
  showRunPath(path: RunPath): void
  /** Draw a replay's path counts on the canvas (null clears them). */
  showReplay(overlay: ReplayOverlay | null): void
  /** Canvas commands the toolbar and shortcuts call (set by the canvas once mounted). */
  canvas: CanvasCommands
}

export interface CanvasCommands {
  fitView(): void
  autoLayout(): Promise<void>
  addNodeAtCenter(type: string): void
  focusNode(id: string): void
}

export const EditorContext = createContext<EditorContextValue | null>(null)

export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext)
  if (!value) throw new Error('useEditorContext must be used inside the editor')
  return value
}

/** Subscribe to one slice of the editor state; re-renders only when it changes. */
export function useEditorState<T>(select: (s: EditorState) => T): T {
  const { store } = useEditorContext()
  return useSyncExternalStore(store.subscribe, () => select(store.get()))
}
