/** Hand a task on: to another reviewer group, to one person in a group, with an optional note for the log. */
import { useState } from 'react'
import type { Group, InboxTask } from '../api/inbox-types'
import { Dialog } from '../ui/Dialog'
import type { Handover } from './useTaskActions'

interface Props {
  task: InboxTask
  groups: Group[]
  onClose(): void
  onSubmit(to: Handover): Promise<unknown>
}

export function ReassignDialog({ task, groups, onClose, onSubmit }: Props) {
  const [group, setGroup] = useState(task.role)
  const [assignee, setAssignee] = useState('')
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const names = groups.some((g) => g.name === task.role) ? groups : [{ name: task.role, members: [] }, ...groups]
  const members = names.find((g) => g.name === group)?.members ?? []
  const changed = group !== task.role || (assignee !== '' && assignee !== task.assignee)
  const submit = async () => {
    setBusy(true)
    await onSubmit({ ...(group !== task.role ? { group } : {}), ...(assignee ? { assignee } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) })
    setBusy(false)
  }
  return (
    <Dialog
      title="Hand on this task"
      onClose={onClose}
      footer={
        <>
          <button className="button" onClick={onClose}>
            Cancel
          </button>
          <button className="button button-primary" disabled={!changed || busy} onClick={submit} data-testid="reassign-submit">
            Hand on
          </button>
        </>
      }
    >
      <p className="muted">{task.title}</p>
      <label className="ib-field">
        <span className="ib-label">Group</span>
        <select className="input" value={group} onChange={(e) => (setGroup(e.target.value), setAssignee(''))} data-testid="reassign-group">
          {names.map((g) => (
            <option key={g.name} value={g.name}>
              {g.name}
              {g.name === task.role ? ' (now)' : ''}
            </option>
          ))}
        </select>
      </label>
      <label className="ib-field">
        <span className="ib-label">Person</span>
        <select className="input" value={assignee} onChange={(e) => setAssignee(e.target.value)} data-testid="reassign-person">
          <option value="">Anyone in {group}</option>
          {members.map((m) => (
            <option key={m.username} value={m.username}>
              {m.name || m.username}
            </option>
          ))}
        </select>
      </label>
      <label className="ib-field">
        <span className="ib-label">
          Note <span className="muted">(optional, goes into the audit trail)</span>
        </span>
        <textarea className="input" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
    </Dialog>
  )
}
