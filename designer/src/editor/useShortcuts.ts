/**
 * Global keyboard shortcuts of the editor (listed in shortcuts.ts). Keys
 * typed into a field stay with the field, except mod+S, which saves from
 * anywhere.
 */
import { useEffect, useRef } from 'react'
import type { EditorContextValue } from './EditorContext'
import { copyFragment, isFragment, pasteFragment, type Fragment } from './store/clipboard'
import { flowOf } from './store/editor-store'
import { removeElements } from './store/flow-edits'

let clipboard: Fragment | null = null

export function useShortcuts(ctx: EditorContextValue, toggleHelp: () => void): void {
  const latest = useRef({ ctx, toggleHelp })
  latest.current = { ctx, toggleHelp }
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { ctx, toggleHelp } = latest.current
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      if (mod && key === 's') {
        e.preventDefault()
        void ctx.save.save()
        return
      }
      if (isTyping(e.target)) return
      const handled = mod ? onModKey(ctx, key, e.shiftKey) : onPlainKey(ctx, e.key, toggleHelp)
      if (handled) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

function onModKey(ctx: EditorContextValue, key: string, shift: boolean): boolean {
  const { store } = ctx
  const state = store.get()
  const flow = flowOf(state)
  const selected = state.selection.nodes
  switch (key) {
    case 'z':
      store.dispatch({ type: shift ? 'redo' : 'undo' })
      return true
    case 'y':
      store.dispatch({ type: 'redo' })
      return true
    case 'a':
      store.dispatch({ type: 'select', selection: { nodes: flow.nodes.map((n) => n.id), edges: flow.edges.map((e) => e.id) } })
      return true
    case 'c':
    case 'x': {
      const fragment = copyFragment(flow, selected)
      if (!fragment) return false
      clipboard = fragment
      void navigator.clipboard?.writeText(JSON.stringify(fragment)).catch(() => {})
      if (key === 'x') store.dispatch({ type: 'edit', edit: (f) => removeElements(f, selected) })
      return true
    }
    case 'v':
      if (!clipboard) return false
      paste(ctx, clipboard)
      return true
    case 'd': {
      const fragment = copyFragment(flow, selected)
      if (fragment) paste(ctx, fragment)
      return !!fragment
    }
    case 'enter':
      ctx.setTab('run')
      window.dispatchEvent(new CustomEvent('inloop:test-run'))
      return true
  }
  return false
}

function paste(ctx: EditorContextValue, fragment: Fragment): void {
  if (!isFragment(fragment)) return
  let ids: string[] = []
  ctx.store.dispatch({
    type: 'edit',
    edit: (f) => {
      const result = pasteFragment(f, fragment)
      ids = result.ids
      return result.flow
    },
  })
  ctx.store.dispatch({ type: 'select', selection: { nodes: ids, edges: [] } })
}

function onPlainKey(ctx: EditorContextValue, key: string, toggleHelp: () => void): boolean {
  const { store } = ctx
  const { selection } = store.get()
  switch (key) {
    case 'Delete':
    case 'Backspace':
      if (selection.nodes.length === 0 && selection.edges.length === 0) return false
      store.dispatch({ type: 'edit', edit: (f) => removeElements(f, selection.nodes, selection.edges) })
      return true
    case 'Escape':
      store.dispatch({ type: 'select', selection: { nodes: [], edges: [] } })
      return true
    case 'f':
    case 'F':
      ctx.canvas.fitView()
      return true
    case 'j':
    case 'J':
      ctx.setCentre(ctx.centre.kind === 'json' ? { kind: 'canvas' } : { kind: 'json' })
      return true
    case 'l':
    case 'L':
      void ctx.canvas.autoLayout()
      return true
    case '/':
      document.getElementById('palette-search')?.focus()
      return true
    case '?':
      toggleHelp()
      return true
  }
  return false
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  if (!el || !el.tagName) return false
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('.monaco-editor, dialog')
}
