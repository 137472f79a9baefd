/**
 * What-if: replay past cases with proposed parameters and with the current
 * ones, and count what an owner weighs before publishing — how many cases
 * would be automated, how many of those a person had decided otherwise
 * (expected errors), the review workload and the reviewer hours it costs.
 */
import type { Json } from '../../../node-types/sdk/types.js'
import type { CompiledFlow } from '../../engine/compile.js'
import type { CaseRecord } from '../case-record.js'
import { taskOverridden } from '../feedback.js'
import { replayCase, type ReplayResult } from './replay.js'
import { calibrate, type CalibrationMap } from '../calibration/calibration-map.js'
import type { ScenarioResult } from '../../../node-types/api/learning.js'

export type { ScenarioResult }

export interface WhatIfResult extends ScenarioResult {
  parameters: Record<string, Json>
  /** Cases that would change sides. */
  moved: { toAutomated: number; toReview: number }
  current: ScenarioResult & { parameters: Record<string, Json> }
}

export interface Scenario {
  compiled: CompiledFlow
  params: Record<string, Json>
}

/** A person decided this case, and decided otherwise than automation would have. */
export function personDisagreed(c: CaseRecord, replay: ReplayResult): boolean {
  let decided = false
  for (const task of c.tasks) {
    if (!task.decision) continue
    decided = true
    if (taskOverridden(task)) return true
  }
  return decided && c.outcome !== undefined && replay.outcome !== undefined && c.outcome !== replay.outcome
}

/** The chance an automated case is wrong: a person's verdict where one decided, else 1 − the calibrated confidence of its last AI answer. */
function errorChance(c: CaseRecord, r: ReplayResult, maps: ReadonlyMap<string, CalibrationMap>): number {
  if (c.tasks.some((t) => t.decision)) return personDisagreed(c, r) ? 1 : 0
  const last = c.ai.at(-1)
  if (!last) return 0
  const out = c.visits[last].output
  return 1 - calibrate(maps.get(String(out.modelVersion)), out.confidence as number)
}

function tally(results: ReplayResult[], cases: readonly CaseRecord[], minutesPerReview: number, maps: ReadonlyMap<string, CalibrationMap>): Omit<ScenarioResult, 'reviewerHoursSaved'> {
  const s = { cases: cases.length, automated: 0, automationRate: 0, overriddenAmongAutomated: 0, estimatedErrors: 0, reviewWorkload: 0, reviewDecisions: 0, reviewerHours: 0, failed: 0, unreplayable: 0, outcomes: {} as Record<string, number> }
  for (let i = 0; i < results.length; i++) {
    const r = results[i]
    if (r.status === 'automated') {
      s.automated++
      if (personDisagreed(cases[i], r)) s.overriddenAmongAutomated++
      s.estimatedErrors += errorChance(cases[i], r, maps)
      if (r.outcome !== undefined) s.outcomes[r.outcome] = (s.outcomes[r.outcome] ?? 0) + 1
    } else if (r.status === 'review') {
      s.reviewWorkload++
      s.reviewDecisions += r.reviewDecisions
    } else if (r.status === 'failed') s.failed++
    else s.unreplayable++
  }
  s.automationRate = s.cases ? s.automated / s.cases : 0
  s.reviewerHours = round((s.reviewDecisions * minutesPerReview) / 60)
  s.estimatedErrors = Math.round(s.estimatedErrors * 10) / 10
  return s
}

const round = (n: number) => Math.round(n * 100) / 100

/**
 * @example
 * whatIf(cases, { compiled: proposedFlow, params: proposed }, { compiled: currentFlow, params: current }, 10)
 * // → { cases: 1200, automated: 840, overriddenAmongAutomated: 12, reviewWorkload: 360, reviewerHoursSaved: 18.5, current: {...} }
 */
export function whatIf(cases: readonly CaseRecord[], proposed: Scenario, current: Scenario, minutesPerReview: number, maps: ReadonlyMap<string, CalibrationMap> = new Map()): WhatIfResult {
  const before = cases.map((c) => replayCase(current.compiled, c, current.params))
  const after = cases.map((c) => replayCase(proposed.compiled, c, proposed.params))
  const now = tally(before, cases, minutesPerReview, maps)
  const next = tally(after, cases, minutesPerReview, maps)
  const moved = { toAutomated: 0, toReview: 0 }
  for (let i = 0; i < cases.length; i++) {
    if (before[i].status === after[i].status) continue
    if (after[i].status === 'automated') moved.toAutomated++
    if (after[i].status === 'review') moved.toReview++
  }
  return {
    parameters: proposed.params,
    ...next,
    reviewerHoursSaved: round(now.reviewerHours - next.reviewerHours),
    moved,
    current: { parameters: current.params, ...now, reviewerHoursSaved: 0 },
  }
}
