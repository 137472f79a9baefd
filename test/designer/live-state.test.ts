import { describe, expect, it } from 'vitest'
import { portKey } from '../../designer/src/editor/canvas/overlay'
import { applyPatch, fromSnapshot, waitAge } from '../../designer/src/editor/live/live-state'

const zero = { running: 0, waiting: 0, failed: 0, doneToday: 0 }
const runs = { running: 0, waiting: 1, failed: 0, completedToday: 0 }

describe('live state', () => {
  it('starts from the snapshot and takes absolute counts from patches', () => {
    const start = fromSnapshot({ nodes: { review: { ...zero, waiting: 2 }, score: { ...zero, doneToday: 5 } }, ports: [{ source: 'score', port: 'done', runs: 5 }], runs })
    const next = applyPatch(start, { nodes: { review: { ...zero, waiting: 1, doneToday: 1 } }, ports: [{ source: 'review', port: 'approve', runs: 1 }], runs })
    expect(next.nodes.get('review')).toEqual({ ...zero, waiting: 1, doneToday: 1 })
    expect(next.ports.get(portKey('score', 'done'))).toBe(5)
    expect(next.ports.get(portKey('review', 'approve'))).toBe(1)
  })

  it('keeps the objects of steps a patch did not change, so their nodes do not draw again', () => {
    const start = fromSnapshot({ nodes: { a: { ...zero, running: 1 }, b: { ...zero } }, ports: [], runs })
    const next = applyPatch(start, { nodes: { a: { ...zero, running: 1 }, b: { ...zero, running: 1 } }, ports: [], runs })
    expect(next.nodes.get('a')).toBe(start.nodes.get('a'))
    expect(next.nodes.get('b')).not.toBe(start.nodes.get('b'))
  })

  it('applying the same patch twice changes nothing more (replays are harmless)', () => {
    const patch = { nodes: { a: { ...zero, waiting: 3 } }, ports: [{ source: 'a', port: 'x', runs: 2 }], runs }
    const once = applyPatch(fromSnapshot({ nodes: {}, ports: [], runs }), patch)
    expect(applyPatch(once, patch)).toEqual(once)
  })

  it('says how long the oldest run has waited, compactly', () => {
    const now = Date.parse('2026-01-05T12:00:00Z')
    expect(waitAge('2026-01-05T11:59:30Z', now)).toBe('30 s')
    expect(waitAge('2026-01-05T09:00:00Z', now)).toBe('3 h')
    expect(waitAge('2026-01-01T12:00:00Z', now)).toBe('4 d')
  })
})
