/**
 * What-if over 100,000 recorded loan-approval runs: each is replayed through
 * the flow's rules twice (proposed and current parameters), with recorded AI
 * scores and people's decisions. Cases are folded from event logs first, as
 * the server's case index holds them. Run alone with `node --import tsx bench/what-if.ts`.
 */
import { readFileSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { builtinNodeTypes } from '../node-types/builtin/index.js'
import type { Flow } from '../node-types/flow/schema.js'
import { createRegistry } from '../node-types/registry.js'
import { compileFlow } from '../runtime/engine/compile.js'
import type { RunEvent } from '../runtime/engine/events.js'
import { caseFromEvents, type CaseRecord } from '../runtime/learning/case-record.js'
import { whatIf } from '../runtime/learning/what-if/what-if.js'

export interface WhatIfBench {
  runs: number
  /** Milliseconds for one what-if (compile both scenarios, replay every case twice, count). */
  whatIfMs: number
  /** Milliseconds to fold every run's events into cases (done once, then kept current). */
  foldMs: number
  automated: number
}

/** The events of one recorded run: started, scored, routed, and for some a reviewer's decision. */
function recordedRun(i: number): RunEvent[] {
  const at = '2026-01-05T09:00:00.000Z'
  const value = ((i * 7919) % 1000) / 1000
  const amount = i % 11 === 0 ? 75_000 : 2_000 + (i % 40) * 500
  const events: Record<string, unknown>[] = [
    { type: 'run.started', at, flowId: 'loan-approval', flowVersion: 1, input: { applicant: `A${i}`, amount, note: 'note' }, params: { autoApproveScore: 0.8, fourEyesAmount: 50000, reviewDue: 'P2D' } },
    { type: 'node.completed', at, nodeId: 'start', exec: 'start@2', port: 'next', output: {} },
    { type: 'node.completed', at, nodeId: 'score', exec: 'score@3', port: 'done', output: { task: 'score', value, label: value >= 0.5 ? 'good' : 'risky', confidence: Math.max(value, 1 - value), model: 'local-naive-bayes', modelVersion: 'nb-bench' } },
  ]
  if (value < 0.8 || amount >= 50_000) {
    events.push({ type: 'task.created', at, taskId: `t${i}`, nodeId: 'review', exec: 'review@5', title: 't', role: 'credit-officer', decisions: ['approve', 'reject'], show: {}, form: [], proposedDecision: value >= 0.5 ? 'approve' : 'reject', requiredApprovals: 1, approvalDecisions: ['approve'] })
    const decision = (i * 31) % 10 < 7 ? 'approve' : 'reject'
    events.push({ type: 'task.decided', at, taskId: `t${i}`, decision, by: 'olga', data: {}, corrections: {}, reviewers: ['olga'] })
    events.push({ type: 'run.completed', at, outcome: decision === 'approve' ? 'approved' : 'rejected', output: {} })
  } else {
    events.push({ type: 'run.completed', at, outcome: 'approved', output: {} })
  }
  return events.map((e, n) => ({ ...e, seq: n + 1 }) as unknown as RunEvent)
}

/**
 * @example
 * const { whatIfMs } = await benchWhatIf()
 */
export async function benchWhatIf(runs = 100_000): Promise<WhatIfBench> {
  const flow = JSON.parse(readFileSync(new URL('../examples/loan-approval.flow.json', import.meta.url), 'utf8')) as Flow
  const registry = createRegistry(builtinNodeTypes)
  const logs = Array.from({ length: runs }, (_, i) => recordedRun(i))
  const foldStart = performance.now()
  const cases: CaseRecord[] = logs.map((events, i) => caseFromEvents(`r_${i}`, events))
  const foldMs = performance.now() - foldStart
  const current = { autoApproveScore: 0.8, fourEyesAmount: 50000, reviewDue: 'P2D' }
  const once = (threshold: number) => {
    const proposed = { ...current, autoApproveScore: threshold }
    return whatIf(cases, { compiled: compileFlow(flow, registry, proposed), params: proposed }, { compiled: compileFlow(flow, registry, current), params: current }, 10)
  }
  once(0.7)
  const times: number[] = []
  let automated = 0
  for (const threshold of [0.6, 0.65, 0.7, 0.75, 0.85]) {
    const start = performance.now()
    automated = once(threshold).automated
    times.push(performance.now() - start)
  }
  const whatIfMs = Math.round(times.sort((a, b) => a - b)[2])
  console.log(`what-if: ${runs.toLocaleString('en')} runs in ${whatIfMs} ms (median of 5); folding their logs into cases took ${Math.round(foldMs)} ms`)
  return { runs, whatIfMs, foldMs: Math.round(foldMs), automated }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchWhatIf()
