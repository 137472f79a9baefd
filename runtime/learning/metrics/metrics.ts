/**
 * Flow metrics from cases: automation and override rates, accuracy by
 * confidence band (calibration), time to decision, deadline breaches, and
 * customer confirmation and expiry rates — in total, per review node and per
 * day. A case counts on the (UTC) day its run started.
 */
import type { CaseRecord } from '../case-record.js'
import { answerOverridden, feedbackOfCase, taskOverridden } from '../feedback.js'
import { calibrationBands, rate, round, summarizeSeconds, type CalibrationBand, type DurationSummary } from './stats.js'
import type { FlowMetrics, MetricsSummary } from '../../../node-types/api/learning.js'
import { modelCalibrations } from '../calibration/by-model.js'

export type { FlowMetrics, MetricsSummary }

interface Counts {
  runs: number
  /** Runs that reached a decision: completed, or asked a reviewer or a customer. */
  decided: number
  automated: number
  tasks: number
  tasksDecided: number
  overridden: number
  withDeadline: number
  breached: number
  requests: number
  answered: number
  confirmed: number
  expired: number
  ratings: number[]
  secondsToDecision: number[]
}

const emptyCounts = (): Counts => ({ runs: 0, decided: 0, automated: 0, tasks: 0, tasksDecided: 0, overridden: 0, withDeadline: 0, breached: 0, requests: 0, answered: 0, confirmed: 0, expired: 0, ratings: [], secondsToDecision: [] })

function countCase(c: CaseRecord, counts: Counts, nowIso: string, nodeCounts: (nodeId: string) => Counts): void {
  counts.runs++
  const decided = c.tasks.length > 0 || c.requests.length > 0 || c.status === 'completed'
  if (decided) counts.decided++
  if (decided && c.tasks.length === 0) counts.automated++
  for (const task of c.tasks) {
    for (const k of [counts, nodeCounts(task.nodeId)]) {
      k.tasks++
      if (task.dueAt) k.withDeadline++
      if (task.breached || (task.status === 'open' && task.dueAt !== undefined && task.dueAt < nowIso)) k.breached++
      if (!task.decision) continue
      k.tasksDecided++
      if (taskOverridden(task)) k.overridden++
      k.secondsToDecision.push((Date.parse(task.decision.at) - Date.parse(task.createdAt)) / 1000)
    }
  }
  for (const request of c.requests) {
    for (const k of [counts, nodeCounts(request.nodeId)]) {
      k.requests++
      if (request.answer) {
        k.answered++
        if (!answerOverridden(request)) k.confirmed++
        if (typeof request.answer.data.rating === 'number') k.ratings.push(request.answer.data.rating)
      } else if (request.closedReason === 'expired') k.expired++
    }
  }
}

function summarize(k: Counts): MetricsSummary {
  return {
    runs: k.runs,
    decided: k.decided,
    automated: k.automated,
    automationRate: rate(k.automated, k.decided),
    tasksDecided: k.tasksDecided,
    overridden: k.overridden,
    overrideRate: rate(k.overridden, k.tasksDecided),
    timeToDecision: summarizeSeconds(k.secondsToDecision),
    deadlines: { withDeadline: k.withDeadline, breached: k.breached, breachRate: rate(k.breached, k.withDeadline) },
    customer: {
      requests: k.requests,
      answered: k.answered,
      confirmed: k.confirmed,
      expired: k.expired,
      confirmationRate: rate(k.confirmed, k.answered),
      expiryRate: rate(k.expired, k.answered + k.expired),
      meanRating: k.ratings.length ? round(k.ratings.reduce((a, b) => a + b, 0) / k.ratings.length) : null,
    },
  }
}

/**
 * @example
 * flowMetrics('loan-approval', await cases.cases('loan-approval'), { now: new Date() })
 */
export function flowMetrics(flowId: string, cases: readonly CaseRecord[], options: { now: Date; from?: string; to?: string }): FlowMetrics {
  const nowIso = options.now.toISOString()
  const totals = emptyCounts()
  const days = new Map<string, Counts>()
  const nodes = new Map<string, Counts>()
  const nodeCounts = (nodeId: string) => nodes.get(nodeId) ?? nodes.set(nodeId, emptyCounts()).get(nodeId)!
  const points: { confidence: number; correct: boolean }[] = []
  for (const c of cases) {
    if ((options.from && c.startedAt < options.from) || (options.to && c.startedAt >= options.to)) continue
    const day = c.startedAt.slice(0, 10)
    const dayCounts = days.get(day) ?? days.set(day, emptyCounts()).get(day)!
    countCase(c, totals, nowIso, nodeCounts)
    countCase(c, dayCounts, nowIso, () => emptyCounts())
    for (const record of feedbackOfCase(c)) if (record.confidence !== null) points.push({ confidence: record.confidence, correct: !record.overridden })
  }
  return {
    flowId,
    from: options.from ?? null,
    to: options.to ?? null,
    totals: summarize(totals),
    calibration: calibrationBands(points),
    calibrationByModel: modelCalibrations(cases.filter((c) => (!options.from || c.startedAt >= options.from) && (!options.to || c.startedAt < options.to))),
    byNode: Object.fromEntries([...nodes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, k]) => [id, summarize(k)])),
    daily: [...days].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, k]) => ({ date, ...summarize(k) })),
  }
}
