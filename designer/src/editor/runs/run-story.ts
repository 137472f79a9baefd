/**
 * A run's event log read as a story: one entry per step visited (when it
 * started and ended, its input and output, the port it left by, why it
 * failed), with what people did there — the AI's proposal beside the
 * reviewer's decision and corrections, the customer's answer — plus the
 * run's own moments (started, retried, cancelled, completed).
 */
import type { RunEvent } from '../../api/types'

export interface StepEntry {
  kind: 'step'
  seq: number
  nodeId: string
  exec: string
  at: string
  endedAt?: string
  input?: unknown
  output?: unknown
  port?: string
  error?: string
  waiting: boolean
  review?: Review
  answer?: { answer: string; data: unknown; at: string }
}

export interface Review {
  title: string
  proposal?: string
  /** What the reviewer was shown (the AI's output among it). */
  shown: Record<string, unknown>
  decision?: string
  by?: string
  reason?: string
  corrections?: Record<string, { from: unknown; to: unknown }>
  reviewers?: string[]
  at?: string
  /** Four eyes: approvals so far. */
  approvals: { decision: string; by: string }[]
}

export interface RunMoment {
  kind: 'run'
  seq: number
  at: string
  what: 'started' | 'completed' | 'failed' | 'cancelled' | 'retried'
  detail?: string
  by?: string
}

export type StoryEntry = StepEntry | RunMoment

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

export function runStory(events: RunEvent[]): StoryEntry[] {
  const entries: StoryEntry[] = []
  const byExec = new Map<string, StepEntry>()
  const byTask = new Map<string, StepEntry>()
  const byRequest = new Map<string, StepEntry>()
  for (const e of events) {
    const seq = Number(e.seq ?? 0)
    const at = String(e.at ?? '')
    const exec = String(e.exec ?? '')
    const step = byExec.get(exec)
    switch (e.type) {
      case 'run.started':
        entries.push({ kind: 'run', seq, at, what: 'started', by: str(e.requestedBy) })
        break
      case 'node.entered': {
        const entry: StepEntry = { kind: 'step', seq, nodeId: String(e.nodeId), exec, at, input: e.input, waiting: false }
        byExec.set(exec, entry)
        entries.push(entry)
        break
      }
      case 'node.completed':
        if (step) Object.assign(step, { output: e.output, port: e.port, endedAt: at, waiting: false })
        break
      case 'node.waiting':
        if (step) step.waiting = true
        break
      case 'node.failed':
        if (step) Object.assign(step, { error: (e.error as { message?: string })?.message ?? 'failed', endedAt: at, waiting: false })
        break
      case 'task.created':
        if (step) {
          step.review = { title: String(e.title ?? ''), proposal: str(e.proposedDecision), shown: (e.show as Record<string, unknown>) ?? {}, approvals: [] }
          byTask.set(String(e.taskId), step)
        }
        break
      case 'task.approved':
        byTask.get(String(e.taskId))?.review?.approvals.push({ decision: String(e.decision), by: String(e.by) })
        break
      case 'task.decided': {
        const review = byTask.get(String(e.taskId))?.review
        if (review) Object.assign(review, { decision: str(e.decision), by: str(e.by), reason: str(e.reason), corrections: e.corrections, reviewers: e.reviewers, at })
        break
      }
      case 'customer.requested':
        if (step) byRequest.set(String(e.requestId), step)
        break
      case 'customer.answered': {
        const s = byRequest.get(String(e.requestId))
        if (s) s.answer = { answer: String(e.answer), data: e.data, at }
        break
      }
      case 'run.completed':
        entries.push({ kind: 'run', seq, at, what: 'completed', detail: str(e.outcome) })
        break
      case 'run.failed':
        entries.push({ kind: 'run', seq, at, what: 'failed', detail: (e.error as { message?: string })?.message })
        break
      case 'run.cancelled':
        entries.push({ kind: 'run', seq, at, what: 'cancelled', detail: str(e.reason), by: str(e.by) })
        break
      case 'run.retried':
        entries.push({ kind: 'run', seq, at, what: 'retried', detail: str(e.nodeId), by: str(e.by) })
        break
    }
  }
  return entries
}

/** The AI's answer among what a reviewer was shown, each in a few words ("risky · confidence 0.86"). */
export function aiShown(shown: Record<string, unknown>): { key: string; text: string }[] {
  return Object.entries(shown)
    .filter(([k, v]) => /\b(ai|score|confidence|label|proposal|suggest)/i.test(k) || isAiOutput(v))
    .map(([key, value]) => ({ key, text: aiText(value) }))
}

const isAiOutput = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && 'confidence' in v

const round = (n: number) => String(Math.round(n * 100) / 100)

function aiText(value: unknown): string {
  if (typeof value === 'number') return round(value)
  if (!isAiOutput(value)) return typeof value === 'string' ? value : JSON.stringify(value)
  const parts = [typeof value.label === 'string' ? value.label : '', typeof value.confidence === 'number' ? `confidence ${round(value.confidence)}` : '']
  if (typeof value.value === 'number' && typeof value.label !== 'string') parts.push(`score ${round(value.value)}`)
  return parts.filter(Boolean).join(' · ')
}
