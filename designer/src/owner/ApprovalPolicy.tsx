/**
 * Whether a change needs a second owner's approval before it takes effect
 * (four eyes for settings). The box follows the click at once and goes back
 * if the server refuses.
 */
import { useEffect, useState } from 'react'

export function ApprovalPolicy({ requireApproval, onChange }: { requireApproval: boolean; onChange(next: boolean): Promise<void> }) {
  const [checked, setChecked] = useState(requireApproval)
  const [busy, setBusy] = useState(false)
  useEffect(() => setChecked(requireApproval), [requireApproval])
  const toggle = async (next: boolean) => {
    setChecked(next)
    setBusy(true)
    try {
      await onChange(next)
    } catch {
      setChecked(!next)
    } finally {
      setBusy(false)
    }
  }
  return (
    <label className="policy">
      <input type="checkbox" checked={checked} disabled={busy} onChange={(e) => void toggle(e.target.checked)} data-testid="require-approval" />
      <span>
        <strong>Ask a second owner to approve every change</strong>
        <span className="muted small"> Until then, new cases keep the values in force.</span>
      </span>
    </label>
  )
}
