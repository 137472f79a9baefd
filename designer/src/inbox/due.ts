/** How a deadline reads in the inbox: "Overdue by 3 h", "Due in 2 days", with the exact time for a tooltip. */
export interface DueView {
  text: string
  overdue: boolean
  /** Due within the next 24 hours. */
  soon: boolean
  exact?: string
}

function span(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000))
  if (minutes < 60) return `${minutes} min`
  const hours = Math.round(minutes / 60)
  if (hours < 48) return `${hours} h`
  const days = Math.round(hours / 24)
  return `${days} days`
}

export function exactTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}

export function describeDue(dueAt: string | undefined, now = Date.now(), open = true): DueView {
  if (!dueAt) return { text: 'No deadline', overdue: false, soon: false }
  const left = Date.parse(dueAt) - now
  const exact = exactTime(dueAt)
  // A task no longer open: its deadline had passed ("Was due 3 Dec") or had not come yet ("Due 7 Dec"), never "was due" in the future.
  if (!open) return { text: `${left < 0 ? 'Was due' : 'Due'} ${new Date(dueAt).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })}`, overdue: false, soon: false, exact }
  if (left < 0) return { text: `Overdue by ${span(-left)}`, overdue: true, soon: false, exact }
  return { text: `Due in ${span(left)}`, overdue: false, soon: left < 86_400_000, exact }
}

/** A time in a list of today's events: "14:05:12" today, else "3 Mar, 14:05". */
export function shortTime(iso: string, now = Date.now()): string {
  const d = new Date(iso)
  if (d.toDateString() === new Date(now).toDateString()) return d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })
}
