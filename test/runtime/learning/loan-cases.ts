/**
 * Loan applications for learning-loop tests: notes from the shipped dataset
 * with amounts, started on the loan-approval example and decided the way a
 * credit officer would (by the note's true label, sometimes cutting the amount).
 */
import { readFileSync } from 'node:fs'
import type { Api } from '../../helpers/api.js'
import { openTasks, startRun, waitForRunStatus } from '../../helpers/api.js'

export interface LoanNote {
  text: string
  label: 'good' | 'risky'
}

export const loanNotes: LoanNote[] = readFileSync(new URL('../../../examples/datasets/loan-notes.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as LoanNote)

/** The i-th application: a dataset note, an amount below the four-eyes limit except every 9th. */
export function application(i: number) {
  const note = loanNotes[i % loanNotes.length]
  return { input: { applicant: `Applicant ${i}`, amount: i % 9 === 0 ? 60_000 : 1_000 + ((i * 777) % 40_000), note: note.text }, label: note.label }
}

/** Start `count` applications and decide their single-reviewer tasks; four-eyes tasks stay open. */
export async function runApplications(api: Api, count: number, offset = 0): Promise<string[]> {
  const ids: string[] = []
  for (let i = offset; i < offset + count; i++) {
    const { input, label } = application(i)
    const runId = await startRun(api, 'loan-approval', input)
    ids.push(runId)
    await waitForRunStatus(api, runId, ['waiting', 'completed'])
    for (const task of await openTasks(api, runId)) {
      if (task.requiredApprovals > 1) continue
      const decision = label === 'good' ? 'approve' : 'reject'
      const data = i % 5 === 0 && decision === 'approve' ? { amount: Math.round(input.amount / 2) } : {}
      const res = await api('POST', `/api/tasks/${task.id}/decision`, { decision, data, reason: 'checked the file' })
      if (res.status !== 200) throw new Error(`deciding ${task.id} failed: ${res.text}`)
    }
  }
  return ids
}
