/**
 * The feedback dataset: every human decision and customer answer next to the
 * AI proposal it answered — input, proposal, confidence, model version, final
 * answer, field corrections, who, when and why. A pure function of run events.
 */
import type { Json, JsonObject } from '../../node-types/sdk/types.js'
import type { RunEvent } from '../engine/events.js'
import { caseFromEvents, type CaseRecord, type CaseRequest, type CaseTask } from './case-record.js'

export interface AiProposal {
  nodeId: string
  task: string | null
  label: string | null
  value: Json
  confidence: number
  model: string
  modelVersion: string
}

export interface FeedbackRecord {
  kind: 'decision' | 'answer'
  flowId: string
  flowVersion: number
  runId: string
  parametersVersion: number | null
  /** The human-review or customer-confirmation node. */
  nodeId: string
  taskId: string | null
  requestId: string | null
  input: JsonObject
  /** The latest AI answer before the person was asked (null when there was none). */
  proposal: AiProposal | null
  /** Every AI answer before the person was asked, oldest first. */
  proposals: AiProposal[]
  confidence: number | null
  modelVersion: string | null
  proposedDecision: string | null
  /** The decision taken, or the customer's answer. */
  answer: string
  /** Final field values (a reviewer's form, a customer's data). */
  data: JsonObject
  corrections: Record<string, { from: Json; to: Json }>
  /** The person went against the AI: another decision than proposed, corrected fields, a rejection or a poor rating. */
  overridden: boolean
  /** Who decided (the customer is `customer`); with four eyes, every reviewer in order. */
  by: string
  reviewers: string[]
  reason: string | null
  askedAt: string
  answeredAt: string
}

function proposalOf(c: CaseRecord, nodeId: string): AiProposal {
  const out = c.visits[nodeId].output
  return {
    nodeId,
    task: typeof out.task === 'string' ? out.task : null,
    label: typeof out.label === 'string' ? out.label : null,
    value: out.value ?? null,
    confidence: out.confidence as number,
    model: String(out.model ?? ''),
    modelVersion: String(out.modelVersion),
  }
}

/** A decision overrides the AI when it differs from the proposal or corrects a field. */
export function taskOverridden(task: CaseTask): boolean {
  const d = task.decision
  if (!d) return false
  return (task.proposedDecision !== undefined && d.decision !== task.proposedDecision) || Object.keys(d.corrections).length > 0
}

/** A customer overrides the AI by rejecting, asking for something else, or rating 1 or 2 of 5. */
export function answerOverridden(request: CaseRequest): boolean {
  const a = request.answer
  if (!a) return false
  return a.answer === 'reject' || a.answer === 'other' || (a.answer === 'rate' && typeof a.data.rating === 'number' && a.data.rating <= 2)
}

function base(c: CaseRecord, aiBefore: string[]) {
  const proposals = aiBefore.map((id) => proposalOf(c, id))
  const proposal = proposals.at(-1) ?? null
  return {
    flowId: c.flowId,
    flowVersion: c.flowVersion,
    runId: c.runId,
    parametersVersion: c.parametersVersion ?? null,
    input: c.input,
    proposal,
    proposals,
    confidence: proposal?.confidence ?? null,
    modelVersion: proposal?.modelVersion ?? null,
  }
}

/** Feedback records of one case, in the order people answered. */
export function feedbackOfCase(c: CaseRecord): FeedbackRecord[] {
  const records: FeedbackRecord[] = []
  for (const task of c.tasks) {
    const d = task.decision
    if (!d) continue
    records.push({
      kind: 'decision', ...base(c, task.aiBefore), nodeId: task.nodeId, taskId: task.taskId, requestId: null,
      proposedDecision: task.proposedDecision ?? null, answer: d.decision, data: d.data, corrections: d.corrections,
      overridden: taskOverridden(task), by: d.by, reviewers: d.reviewers, reason: d.reason ?? null, askedAt: task.createdAt, answeredAt: d.at,
    })
  }
  for (const request of c.requests) {
    const a = request.answer
    if (!a) continue
    records.push({
      kind: 'answer', ...base(c, request.aiBefore), nodeId: request.nodeId, taskId: null, requestId: request.requestId,
      proposedDecision: null, answer: a.answer, data: a.data, corrections: {},
      overridden: answerOverridden(request), by: 'customer', reviewers: [], reason: typeof a.data.comment === 'string' ? a.data.comment : null,
      askedAt: request.createdAt, answeredAt: a.at,
    })
  }
  return records.sort((x, y) => (x.answeredAt < y.answeredAt ? -1 : x.answeredAt > y.answeredAt ? 1 : 0))
}

/**
 * The feedback of one run, from its event log.
 *
 * @example
 * feedbackFromEvents(runId, await store.runs.getEvents(runId))
 * // → [{ kind: 'decision', answer: 'reject', proposal: { confidence: 0.71, modelVersion: 'nb-…' }, overridden: true, by: 'olga', ... }]
 */
export function feedbackFromEvents(runId: string, events: readonly RunEvent[]): FeedbackRecord[] {
  return feedbackOfCase(caseFromEvents(runId, events))
}
