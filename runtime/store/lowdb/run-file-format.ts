/**
 * The on-disk form of one run: `runs/<bucket>/<runId>.json` holding the run's
 * events (the source of truth) and its outbox messages. Buckets are filled in
 * creation order, at most RUNS_PER_BUCKET files each, so runs created together
 * share a folder and no folder grows large, whatever the id format.
 */
import type { RunDoc } from '../run-store.js'
import type { Check } from './durable-file.js'

export const RUNS_DIR = 'runs'
export const RUNS_PER_BUCKET = 2000
export const BUCKET_PATTERN = /^b\d{6}$/

export function bucketName(n: number): string {
  return `b${String(n).padStart(6, '0')}`
}

export function runFileName(runId: string): string {
  return `${runId}.json`
}

/** What the file must look like; events numbered 1..n without gaps. */
export function checkRunDoc(runId: string): Check<RunDoc> {
  return (data) => {
    if (!data || typeof data !== 'object' || Array.isArray(data)) return 'is not a JSON object'
    const doc = data as Partial<RunDoc>
    if (doc.runId !== runId) return `names run ${JSON.stringify(doc.runId)} but its file name says ${runId}`
    if (!Array.isArray(doc.events)) return 'has no "events" array'
    if (!Array.isArray(doc.outbox)) return 'has no "outbox" array'
    for (let i = 0; i < doc.events.length; i++) {
      const e = doc.events[i] as unknown as Record<string, unknown> | null
      if (!e || typeof e !== 'object' || typeof e.type !== 'string' || typeof e.at !== 'string') return `has a malformed event at index ${i}`
      if (e.seq !== i + 1) return `has event seq ${String(e.seq)} at index ${i}, expected ${i + 1}`
    }
    return doc as RunDoc
  }
}
