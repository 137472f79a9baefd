/** Undo and redo: steps, coalescing and drags. */
import { describe, expect, it } from 'vitest'
import { commit, createHistory, push, redo, transient, undo } from '../../designer/src/editor/store/history'

describe('undo history', () => {
  it('undoes and redoes each edit in order', () => {
    let h = createHistory('a')
    h = push(h, 'b')
    h = push(h, 'c')
    h = undo(h)
    expect(h.present).toBe('b')
    h = undo(h)
    expect(h.present).toBe('a')
    h = redo(h)
    expect(h.present).toBe('b')
  })

  it('merges edits to the same field made in quick succession into one step', () => {
    let h = createHistory('')
    h = push(h, 'h', 'label', 1000)
    h = push(h, 'he', 'label', 1100)
    h = push(h, 'hey', 'label', 1200)
    expect(undo(h).present).toBe('')
  })

  it('keeps separate steps for edits to different fields', () => {
    let h = createHistory('')
    h = push(h, 'x', 'a', 1000)
    h = push(h, 'xy', 'b', 1100)
    expect(undo(h).present).toBe('x')
  })

  it('makes a whole drag one step, however many positions it sent', () => {
    let h = createHistory(0)
    h = transient(h, 1)
    h = transient(h, 2)
    h = transient(h, 3)
    h = commit(h)
    expect(h.past).toEqual([0])
    expect(undo(h).present).toBe(0)
  })

  it('drops the redo stack when a new edit is made after undo', () => {
    let h = push(push(createHistory(1), 2), 3)
    h = push(undo(h), 4)
    expect(h.future).toEqual([])
    expect(redo(h).present).toBe(4)
  })
})
