/**
 * A review task the test run waits on, answered in place: what the
 * reviewer would see, the fields they may correct, and one button per
 * decision. Overriding the AI's proposal asks for a reason; four-eyes tasks
 * show how many reviewers have decided so far.
 */
import { useState } from 'react'
import { api } from '../../api/client'
import type { TaskInfo } from '../../api/types'
import { toast } from '../../ui/toast-store'

export function TaskCard({ task, onDone }: { task: TaskInfo; onDone(): void }) {
  const [fields, setFields] = useState<Record<string, unknown>>(() => Object.fromEntries((task.form ?? []).map((f) => [f.name, f.value])))
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const approvals = task.approvals?.length ?? 0
  const required = task.requiredApprovals ?? 1
  const decide = async (decision: string) => {
    const overriding = task.proposedDecision && decision !== task.proposedDecision
    if (overriding && !reason.trim()) return toast(`The AI proposed “${task.proposedDecision}”: say why you decide otherwise.`, 'error')
    setBusy(true)
    try {
      const result = await api.decide(task.id, { decision, data: fields, reason: reason.trim() || undefined })
      if (result.status === 'pending') toast(`Approval ${approvals + 1} of ${required} recorded; another reviewer decides next.`)
      onDone()
    } catch (e) {
      toast((e as Error).message, 'error')
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="wait-card" data-testid="task-card" data-task-id={task.id}>
      <div className="wait-card-head">
        <span className="chip chip-info">Review task</span>
        {required > 1 && <span className="chip">{approvals} of {required} reviewers</span>}
      </div>
      <h4>{task.title}</h4>
      {task.show && Object.keys(task.show).length > 0 && (
        <dl className="kv">
          {Object.entries(task.show).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{typeof v === 'string' ? v : typeof v === 'number' ? String(Math.round(v * 10_000) / 10_000) : JSON.stringify(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {(task.form ?? []).map((f) => (
        <label key={f.name} className="field">
          <span className="field-label">{f.label}</span>
          <input
            className="input"
            type={f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text'}
            value={fields[f.name] === null || fields[f.name] === undefined ? '' : String(fields[f.name])}
            onChange={(e) => setFields({ ...fields, [f.name]: f.type === 'number' ? Number(e.target.value) : e.target.value })}
          />
        </label>
      ))}
      {task.proposedDecision && <p className="field-help">AI proposes: <strong>{task.proposedDecision}</strong></p>}
      <label className="field">
        <span className="field-label">Reason {task.proposedDecision ? '(needed to decide against the AI)' : '(optional)'}</span>
        <input className="input" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="task-reason" />
      </label>
      <div className="decision-buttons">
        {task.decisions.map((d) => (
          <button key={d} className={`button${d === task.proposedDecision ? ' button-primary' : ''}`} disabled={busy} onClick={() => void decide(d)} data-decision={d}>
            {d}
          </button>
        ))}
      </div>
    </div>
  )
}
