/**
 * What every part of the editor shares: the store, the node-type catalogue,
 * the latest validation, save/publish and which side panel is open.
 */
import { createContext, useContext, useSyncExternalStore } from 'react'
import type { NodeTypeDescription } from '../api/types'
import type { ProblemIndex } from './graph/problem-index'
import type { EditorState, EditorStore } from './store/editor-store'
import type { SaveApi } from './useSave'

export type PanelTab = 'inspect' | 'run' | 'versions'

export interface EditorContextValue {
  store: EditorStore
  types: Map<string, NodeTypeDescription>
  typeList: NodeTypeDescription[]
  problems: ProblemIndex
  validating: boolean
  save: SaveApi
  tab: PanelTab
  setTab(tab: PanelTab): void
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
