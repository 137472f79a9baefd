/**
 * The flow's live view: its counts (snapshot, then the stream's patches,
 * applied once per frame), the connection's status, and every run message
 * for whoever follows runs (runs panel, a run's timeline, a test run).
 * A canvas that opens late starts from the server's snapshot; a dropped
 * connection resumes where it stopped; a resync starts again from a fresh
 * snapshot.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { api } from '../../api/client'
import type { StreamMessage } from '../../api/types'
import { expectDrawn } from './live-latency'
import { applyPatch, fromSnapshot, type LiveState } from './live-state'
import { openFlowStream, type FlowStream, type StreamStatus } from './flow-stream'

/** A run message, or word that runs changed without their messages (null: possibly all of them). */
export type RunNews = { kind: 'message'; message: StreamMessage } | { kind: 'changed'; runIds: string[] | null }

export interface LiveFlow {
  state: LiveState | null
  status: StreamStatus
  /** Stable for the life of the editor. */
  subscribe(listener: (news: RunNews) => void): () => void
}

export function useLiveFlow(flowId: string, onNodeTypes: () => void): LiveFlow {
  const [state, setState] = useState<LiveState | null>(null)
  const [status, setStatus] = useState<StreamStatus>('connecting')
  const listeners = useRef(new Set<(news: RunNews) => void>())
  const nodeTypes = useRef(onNodeTypes)
  nodeTypes.current = onNodeTypes

  useEffect(() => {
    let live = true
    let stream: FlowStream | null = null
    let queued: StreamMessage[] = []
    let frame = 0
    const tell = (news: RunNews) => listeners.current.forEach((l) => l(news))
    // Patches of one frame are drawn together.
    const flush = () => {
      frame = 0
      const batch = queued
      queued = []
      setState((s) => {
        if (!s) return s
        let next = s
        for (const m of batch) {
          const before = next
          next = applyPatch(next, m.live!)
          for (const id of Object.keys(m.live!.nodes)) if (next.nodes.get(id) !== before.nodes.get(id)) expectDrawn(next.nodes.get(id)!, Date.parse(m.event.at))
        }
        return next
      })
    }
    const snapshot = () => api.live(flowId).then((snap) => (live ? (setState(fromSnapshot(snap)), snap.eventId) : undefined))
    const start = (from: number | undefined) => {
      if (!live) return
      stream = openFlowStream(flowId, from, {
        onRun(message) {
          tell({ kind: 'message', message })
          if (!message.live) return
          queued.push(message)
          frame ||= document.hidden ? window.setTimeout(flush, 50) : requestAnimationFrame(flush)
        },
        onSummary(summary) {
          if (summary.live) setState(fromSnapshot(summary.live))
          tell({ kind: 'changed', runIds: summary.runs })
        },
        onResync() {
          void snapshot().then((id) => id !== undefined && stream?.restartFrom(id), () => {})
          tell({ kind: 'changed', runIds: null })
        },
        onNodeTypes: () => nodeTypes.current(),
        onStatus: (s) => live && setStatus(s),
      })
    }
    // Without a snapshot (no live view on this server) the stream still serves the runs panel;
    // a caller who may not watch runs at all gets neither.
    snapshot().then(start, (e: { status?: number }) => e.status !== 401 && e.status !== 403 && start(undefined))
    return () => {
      live = false
      stream?.close()
      cancelAnimationFrame(frame)
      clearTimeout(frame)
    }
  }, [flowId])

  const subscribe = useCallback((listener: (news: RunNews) => void) => {
    listeners.current.add(listener)
    return () => void listeners.current.delete(listener)
  }, [])
  return useMemo(() => ({ state, status, subscribe }), [state, status, subscribe])
}
