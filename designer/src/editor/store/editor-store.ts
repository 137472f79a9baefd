/**
 * The editor's state: the flow (with undo history), the last saved flow and
 * the selection. A tiny external store, so handlers always read the latest
 * state (`store.get()`) and components subscribe to the slice they draw.
 */
import type { Flow } from '../../api/types'
import { commit, createHistory, push, redo, reset, transient, undo, type History } from './history'

export interface Selection {
  nodes: string[]
  edges: string[]
}

export interface EditorState {
  history: History<Flow>
  /** The flow as the server last stored it; `dirty` compares against it. */
  saved: Flow
  selection: Selection
}

export type EditorAction =
  | { type: 'load'; flow: Flow }
  | { type: 'edit'; edit: (flow: Flow) => Flow; key?: string; select?: Selection }
  | { type: 'transient'; edit: (flow: Flow) => Flow }
  | { type: 'commit' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saved'; flow: Flow }
  | { type: 'select'; selection: Selection }
  | { type: 'published'; version: number }

const EMPTY: Selection = { nodes: [], edges: [] }

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return { history: reset(action.flow), saved: action.flow, selection: EMPTY }
    case 'edit': {
      const history = push(state.history, action.edit(state.history.present), action.key ?? null)
      return { ...state, history, selection: pruneSelection(history.present, action.select ?? state.selection) }
    }
    case 'transient':
      return { ...state, history: transient(state.history, action.edit(state.history.present)) }
    case 'commit':
      return { ...state, history: commit(state.history) }
    case 'undo':
    case 'redo': {
      const history = action.type === 'undo' ? undo(state.history) : redo(state.history)
      return { ...state, history, selection: pruneSelection(history.present, state.selection) }
    }
    case 'saved':
      return { ...state, saved: action.flow }
    case 'published': {
      // The server records the version in the flow; mirror it without an undo step.
      const present = { ...state.history.present, version: action.version }
      const saved = state.saved === state.history.present ? present : { ...state.saved, version: action.version }
      return { ...state, saved, history: { ...state.history, present } }
    }
    case 'select':
      return sameSelection(state.selection, action.selection) ? state : { ...state, selection: action.selection }
  }
}

function pruneSelection(flow: Flow, s: Selection): Selection {
  const nodes = s.nodes.filter((id) => flow.nodes.some((n) => n.id === id))
  const edges = s.edges.filter((id) => flow.edges.some((e) => e.id === id))
  return nodes.length === s.nodes.length && edges.length === s.edges.length ? s : { nodes, edges }
}

function sameSelection(a: Selection, b: Selection): boolean {
  return a.nodes.length === b.nodes.length && a.edges.length === b.edges.length && a.nodes.every((id, i) => id === b.nodes[i]) && a.edges.every((id, i) => id === b.edges[i])
}

export interface EditorStore {
  get(): EditorState
  dispatch(action: EditorAction): void
  subscribe(listener: () => void): () => void
}

export function createEditorStore(flow: Flow): EditorStore {
  let state: EditorState = { history: createHistory(flow), saved: flow, selection: EMPTY }
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    dispatch(action) {
      const next = editorReducer(state, action)
      if (next === state) return
      state = next
      for (const l of listeners) l()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export const flowOf = (s: EditorState): Flow => s.history.present
export const isDirty = (s: EditorState): boolean => s.history.present !== s.saved && JSON.stringify(s.history.present) !== JSON.stringify(s.saved)
