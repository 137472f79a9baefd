/**
 * Past cases of the loan-approval example for the owner's browser tests:
 * applications the local AI scores across the whole range, over the last
 * days, the grey-zone ones decided by a credit officer hours later — mostly
 * as the AI proposed, a few against it — so the what-if and the metrics have
 * something to show.
 */
import { openTasks, startRun, waitForRunStatus, type Api } from '../helpers/api.js'

/** Each note with what the reviewer decides when the run waits (scores from the shipped model, for orientation). */
export const PAST_APPLICATIONS: { note: string; decision: 'approve' | 'reject' }[] = [
  { note: 'Permanent employee for twelve years, stable salary, no missed payments, loan for a family car', decision: 'approve' }, // 0.81, automatic
  { note: 'Civil servant, secure job, owns home, repaid two previous loans early', decision: 'approve' }, // 0.82, automatic
  { note: 'Long term customer, salary paid monthly, two missed payments after illness', decision: 'approve' }, // 0.72
  { note: 'Pensioner with modest pension, paid bills on time, small loan for repairs', decision: 'approve' }, // 0.71
  { note: 'Engineer with permanent contract, existing car loan, wants kitchen renovation', decision: 'approve' }, // 0.70
  { note: 'Nurse with savings, new job since six months, wants a small renovation loan', decision: 'reject' }, // 0.68: the AI would approve; a person did not
  { note: 'Teacher with steady income, one late payment last year, loan for a used car', decision: 'approve' }, // 0.55
  { note: 'Recently divorced, stable job, some credit card debt, wants to consolidate', decision: 'approve' }, // 0.49: against the AI
  { note: 'Student with part time job, no credit history, wants a laptop', decision: 'reject' }, // 0.48
  { note: 'Freelancer with good income last two years, irregular months, no defaults', decision: 'reject' }, // 0.35
  { note: 'Self employed for three months, income irregular, some late payments, wants to consolidate debt', decision: 'reject' }, // 0.19
  { note: 'Two defaults in last year, collection agency involved, requests large loan', decision: 'reject' }, // 0.13
]

/** A note the AI scores about 0.70: reviewed at the default threshold (0.80), automatic at 0.65. */
export const GREY_ZONE_NOTE = PAST_APPLICATIONS[4].note

/** A clock that can be put back in time to record past cases, and then runs on with the wall clock. */
export function travelClock() {
  let offset = 0
  return {
    now: () => new Date(Date.now() + offset),
    /** From now on the clock reads `ms` (epoch) and ticks on from there. */
    set(ms: number) {
      offset = ms - Date.now()
    },
    backToNow() {
      offset = 0
    },
  }
}

export type TravelClock = ReturnType<typeof travelClock>

const HOUR = 3_600_000
/** How long the credit officer takes, in hours, case by case. */
const REVIEW_HOURS = [1.5, 4, 0.5, 7, 2.5, 20, 3]

/**
 * Twice every past application, two a day over the last 12 days: start each,
 * and decide the ones that wait for a reviewer some hours later. The clock
 * is back at the wall clock afterwards.
 */
export async function seedPastCases(api: Api, clock: TravelClock, rounds = 2): Promise<number> {
  const today = new Date()
  const firstDay = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 12, 8)
  let n = 0
  for (let round = 0; round < rounds; round++) {
    for (const { note, decision } of PAST_APPLICATIONS) {
      const startedAt = firstDay + Math.floor(n / 2) * 24 * HOUR + (n % 2) * 3 * HOUR
      clock.set(startedAt)
      const runId = await startRun(api, 'loan-approval', { applicant: `Applicant ${n + 1}`, email: `a${n + 1}@example.com`, amount: 5000 + n * 500, note })
      const run = await waitForRunStatus(api, runId, ['completed', 'waiting'])
      if (run.status === 'waiting') {
        clock.set(startedAt + REVIEW_HOURS[n % REVIEW_HOURS.length] * HOUR)
        const [task] = await openTasks(api, runId)
        const res = await api('POST', `/api/tasks/${task.id}/decision`, { decision, reason: 'checked the documents' })
        if (res.status !== 200) throw new Error(`deciding ${task.id} failed (${res.status}): ${res.text}`)
        await waitForRunStatus(api, runId)
      }
      n++
    }
  }
  clock.backToNow()
  return n
}

/** The `run.started` event of a run: the parameter values and version it started with. */
export async function startedWith(api: Api, runId: string): Promise<{ params: Record<string, unknown>; parametersVersion?: number }> {
  const events = (await api('GET', `/api/runs/${runId}/events`)).body as { type: string; params: Record<string, unknown>; parametersVersion?: number }[]
  return events.find((e) => e.type === 'run.started')!
}
