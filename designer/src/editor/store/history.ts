/**
 * Undo/redo over immutable snapshots. Every edit pushes the previous flow;
 * typing in one field coalesces into one step; a drag is one step however
 * many positions it sends (transient edits, then `commit`).
 */
export interface History<T> {
  past: T[]
  present: T
  future: T[]
  /** Snapshot taken when a transient edit (a drag) began. */
  transientBase: T | null
  lastKey: string | null
  lastAt: number
}

const LIMIT = 200
const COALESCE_MS = 1200

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], transientBase: null, lastKey: null, lastAt: 0 }
}

/** Apply an edit as an undoable step. Same `key` within a short time merges into the last step. */
export function push<T>(h: History<T>, next: T, key: string | null = null, now = Date.now()): History<T> {
  if (next === h.present) return h
  const base = settle(h)
  const merge = key !== null && key === base.lastKey && now - base.lastAt < COALESCE_MS && base.past.length > 0
  const past = merge ? base.past : [...base.past, base.present].slice(-LIMIT)
  return { past, present: next, future: [], transientBase: null, lastKey: key, lastAt: now }
}

/** Change the present without a step (while dragging); `commit` makes it one step. */
export function transient<T>(h: History<T>, next: T): History<T> {
  if (next === h.present) return h
  return { ...h, present: next, transientBase: h.transientBase ?? h.present }
}

export function commit<T>(h: History<T>): History<T> {
  return h.transientBase === null ? h : settle(h)
}

function settle<T>(h: History<T>): History<T> {
  if (h.transientBase === null) return h
  return { ...h, past: [...h.past, h.transientBase].slice(-LIMIT), future: [], transientBase: null, lastKey: null }
}

export function undo<T>(h: History<T>): History<T> {
  const s = settle(h)
  if (s.past.length === 0) return s
  const previous = s.past[s.past.length - 1]
  return { ...s, past: s.past.slice(0, -1), present: previous, future: [s.present, ...s.future], lastKey: null }
}

export function redo<T>(h: History<T>): History<T> {
  const s = settle(h)
  if (s.future.length === 0) return s
  const [next, ...rest] = s.future
  return { ...s, past: [...s.past, s.present], present: next, future: rest, lastKey: null }
}

/** Replace everything (a flow freshly loaded): no history. */
export function reset<T>(present: T): History<T> {
  return createHistory(present)
}
