/**
 * The owner side of a runtime, composed: cases folded from run logs, the
 * parameter versions, and the learning service (dataset, metrics, what-if,
 * retraining). The server feeds `observe` from the engine's commits.
 */
import type { Engine } from '../engine/engine.js'
import type { RunEvent } from '../engine/events.js'
import type { RunState } from '../engine/state.js'
import { createParameterService, type ParameterService } from '../parameters/parameter-service.js'
import { CaseIndex } from './case-index.js'
import { createLearningService, type LearningService } from './learning-service.js'
import { createRetrainLoop, type RetrainLoop } from './loop/retrain-loop.js'
import { createLearningAi } from './few-shot/learning-ai.js'

export interface Learning {
  cases: CaseIndex
  parameters: ParameterService
  service: LearningService
  /** Candidate models proposed by themselves after enough new reviewed answers. */
  loop: RetrainLoop
  /** Pass every durable commit here (the engine's `onCommit`). */
  observe(state: RunState, events: readonly RunEvent[]): void
}

/**
 * @example
 * const learning = createLearning(engine)
 * const { engine } = composeEngine({ ..., onCommit: (s, e) => learning?.observe(s, e) })
 */
export function createLearning(engine: Engine, now: () => Date = () => engine.deps.clock.now()): Learning {
  const cases = new CaseIndex(engine.deps.store)
  const parameters = createParameterService(engine, now)
  // Hosted models get reviewed examples and never see personal fields (the engine reads deps.ai per step).
  engine.deps.ai = createLearningAi(engine.deps.ai, engine, cases)
  const loop = createRetrainLoop(engine, cases, parameters, now, engine.deps.log)
  return {
    cases,
    parameters,
    loop,
    service: createLearningService(engine, cases, parameters, now),
    observe(state, events) {
      cases.observe(state, events)
      loop.observe(state, events)
    },
  }
}

export { feedbackFromEvents, feedbackOfCase, type FeedbackRecord } from './feedback.js'
export { caseFromEvents, type CaseRecord } from './case-record.js'
export { replayCase } from './what-if/replay.js'
export { whatIf, type WhatIfResult, type ScenarioResult } from './what-if/what-if.js'
export { flowMetrics, type FlowMetrics } from './metrics/metrics.js'
