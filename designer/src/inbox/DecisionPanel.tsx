/**
 * "Your decision": the fields the reviewer may correct, the reason (required
 * when overriding the AI — said here, before sending), four-eyes progress
 * and one button per decision, also on the keys 1…n and the decisions'
 * first letters.
 */
import { useMemo, useRef, useState } from 'react'
import type { TaskDetail } from '../api/inbox-types'
import { DecisionButtons } from './DecisionButtons'
import { decisionKeys, draftOf, type Draft } from './decision'
import { FieldInput } from './FieldInput'
import { FourEyesNote, blockedDecisions } from './FourEyesNote'
import { ReasonField } from './ReasonField'
import { useDecide } from './useDecide'
import { useKeys, type KeyHandlers } from './useKeys'

interface Props {
  task: TaskDetail
  me: string | undefined
  nameOf(username: string): string
  onStale(message: string): void
}

export function DecisionPanel({ task, me, nameOf, onStale }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(task.form))
  const [reason, setReason] = useState('')
  const reasonRef = useRef<HTMLTextAreaElement>(null)
  const { busy, error, reasonError, fieldErrors, decide } = useDecide(task, me, nameOf, onStale)
  const keys = useMemo(() => decisionKeys(task.decisions, task.decisionLabels), [task.decisions, task.decisionLabels])
  const blocked = blockedDecisions(task, me)
  const proposed = task.proposedDecision
  // Nothing this person may decide (already approved once): the note says why, no form to fill in vain.
  const done = keys.every((k) => blocked.has(k.decision))

  const choose = async (decision: string) => {
    if (busy || blocked.has(decision)) return
    const outcome = await decide(decision, draft, reason)
    if (outcome === 'reason') reasonRef.current?.focus()
    if (outcome === 'fields') document.querySelector<HTMLElement>('.ib-field [aria-invalid=true]')?.focus()
  }
  const handlers: KeyHandlers = {}
  for (const k of keys) {
    if (k.number <= 9) handlers[String(k.number)] = () => void choose(k.decision)
    if (k.letter) handlers[k.letter] = () => void choose(k.decision)
  }
  useKeys(handlers)

  return (
    <section className="ib-card decision-card" aria-labelledby="decide-title" data-testid="decision-panel">
      <h2 id="decide-title">Your decision</h2>
      <FourEyesNote task={task} me={me} nameOf={nameOf} />
      {!done && task.form.length > 0 && (
        <fieldset className="ib-fieldset">
          <legend>{task.proposedDecision ? 'Correct what the AI got wrong' : 'Fields you may correct'}</legend>
          {task.form.map((field) => (
            <FieldInput key={field.name} field={field} value={draft[field.name]} error={fieldErrors[field.name]} onChange={(v) => setDraft((d) => ({ ...d, [field.name]: v }))} />
          ))}
        </fieldset>
      )}
      {!done && <ReasonField ref={reasonRef} proposed={proposed} value={reason} error={reasonError} onChange={setReason} />}
      {error && (
        <p className="banner banner-error" role="alert" data-testid="decision-error">
          {error}
        </p>
      )}
      {!done && <DecisionButtons keys={keys} proposed={proposed} busy={busy} blocked={blocked} onDecide={(d) => void choose(d)} />}
    </section>
  )
}
