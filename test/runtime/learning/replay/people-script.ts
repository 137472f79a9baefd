/**
 * Past cases for replay tests: a run started through the API and taken to its
 * end the way people might — each open task decided (any of its decisions,
 * sometimes a corrected field, four eyes by distinct reviewers), each customer
 * request answered (any answer, option or rating) or left to expire, days
 * passing in between so deadlines, escalations and reminders happen. The
 * choices come from a script (a fast-check arbitrary), so failures shrink.
 */
import fc from 'fast-check'
import type { Json, JsonObject } from '../../../../node-types/sdk/types.js'
import { answerCustomer, decideTask, fireDueTimers, type Engine, type RunState } from '../../../../runtime/engine/index.js'
import type { Api, ManualClock } from '../../../helpers/api.js'

export interface Script {
  /** Which sample input, and a factor for its numbers (moves cases across thresholds). */
  sample: number
  scale: number
  /** One choice per step: what to decide or answer (an index), and hours to let pass first. */
  steps: { pick: number; hours: number; correct: boolean; answer: boolean }[]
}

export const scriptArb: fc.Arbitrary<Script> = fc.record({
  sample: fc.nat(20),
  scale: fc.constantFrom(0.1, 0.5, 1, 1, 2, 5),
  steps: fc.array(fc.record({ pick: fc.nat(9), hours: fc.constantFrom(0, 0, 1, 9, 30, 80), correct: fc.boolean(), answer: fc.boolean() }), { minLength: 8, maxLength: 8 }),
})

function scaled(input: JsonObject, scale: number): JsonObject {
  const out: JsonObject = {}
  for (const [k, v] of Object.entries(input)) out[k] = typeof v === 'number' ? Math.round(v * scale * 100) / 100 : v
  return out
}

function corrected(type: string, value: Json | undefined): Json {
  if (type === 'number') return typeof value === 'number' ? Math.round(value / 2) : 1
  if (type === 'boolean') return !value
  if (type === 'date') return '2026-03-02'
  return `${typeof value === 'string' ? value : ''} (corrected)`
}

async function decide(engine: Engine, run: RunState, step: Script['steps'][number]): Promise<void> {
  for (const task of Object.values(run.tasks)) {
    if (task.status !== 'open') continue
    const decision = task.decisions[step.pick % task.decisions.length]
    const data: JsonObject = {}
    const field = task.form[step.pick % Math.max(1, task.form.length)]
    if (step.correct && field) data[field.name] = corrected(field.type, field.value)
    for (let i = 0; ; i++) {
      const result = await decideTask(engine, task.id, { decision, data, reason: 'checked by the replay test', by: `reviewer-${i}` })
      if (result.status === 'decided') break
    }
  }
}

async function answer(engine: Engine, run: RunState, step: Script['steps'][number]): Promise<void> {
  for (const request of Object.values(run.requests)) {
    if (request.status !== 'open' || !step.answer) continue
    const spec = request.request
    const reply = spec.answers[step.pick % spec.answers.length]
    const data: JsonObject = {}
    if (reply === 'choose') data.option = spec.options![step.pick % spec.options!.length].value
    if (reply === 'rate') Object.assign(data, { rating: 1 + (step.pick % 5), comment: 'rated by the replay test' })
    if (reply === 'submit') for (const f of spec.fields ?? []) data[f.name] = corrected(f.type, undefined)
    const token = await engine.deps.links.tokenFor({ runId: run.id, requestId: request.id, expiresAt: spec.expiresAt })
    await answerCustomer(engine, token, { answer: reply, data })
  }
}

/** Start one case of `flowId` and take it to its end by the script; returns its run id (undefined if the input is refused). */
export async function recordCase(api: Api, engine: Engine, clock: ManualClock, flowId: string, samples: { input: JsonObject }[], script: Script): Promise<string | undefined> {
  const input = scaled(samples[script.sample % samples.length].input, script.scale)
  const started = await api('POST', `/api/flows/${flowId}/runs`, { input })
  if (started.status === 422) return undefined
  if (started.status !== 201) throw new Error(`starting ${flowId} failed (${started.status}): ${started.text}`)
  const runId: string = started.body.runId
  for (let i = 0; i < 40; i++) {
    const run = (await engine.deps.store.runs.getRun(runId))!
    if (['completed', 'failed', 'cancelled'].includes(run.status)) return runId
    const step = script.steps[i % script.steps.length]
    clock.advance(step.hours * 3_600_000)
    await fireDueTimers(engine)
    const now = (await engine.deps.store.runs.getRun(runId))!
    await decide(engine, now, step)
    await answer(engine, (await engine.deps.store.runs.getRun(runId))!, step)
    const after = (await engine.deps.store.runs.getRun(runId))!
    // Nothing a person can do: let the next timer come due.
    if (after.status === 'waiting' && Object.values(after.tasks).every((t) => t.status !== 'open') && !step.answer) {
      const next = Object.values(after.timers).filter((t) => t.status === 'pending').sort((a, b) => a.fireAt.localeCompare(b.fireAt))[0]
      if (next) clock.set(next.fireAt)
    }
  }
  throw new Error(`${flowId} run ${runId} did not end within 40 steps`)
}
