/**
 * A customer request the test run waits on: the message the customer got
 * and their possible answers, answered in place through the same public
 * link endpoint the customer would use.
 */
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import type { CustomerRequestView, OutboxMessage } from '../../api/types'
import { toast } from '../../ui/toast-store'

export function CustomerCard({ message, onDone }: { message: OutboxMessage; onDone(): void }) {
  const token = message.link?.split('/c/')[1] ?? ''
  const [request, setRequest] = useState<CustomerRequestView | null>(null)
  const [gone, setGone] = useState(false)
  const [choice, setChoice] = useState('')
  const [data, setData] = useState<Record<string, unknown>>({})
  useEffect(() => {
    api.customerRequest(token).then(setRequest, () => setGone(true))
  }, [token])
  if (gone || !request) return null
  const answer = async (a: string) => {
    const body = a === 'choose' ? { option: choice } : request.kind === 'rate' ? { rating: Number(data.rating ?? 5), comment: data.comment ?? '' } : data
    try {
      await api.answerCustomer(token, a, body)
      setGone(true)
      onDone()
    } catch (e) {
      toast((e as Error).message, 'error')
    }
  }
  return (
    <div className="wait-card" data-testid="customer-card">
      <div className="wait-card-head">
        <span className="chip chip-info">Customer</span>
        <span className="muted small">to {message.to}</span>
      </div>
      <h4>{request.subject}</h4>
      <p className="small">{request.message}</p>
      {request.kind === 'choose' && (
        <select className="input" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Pick one…</option>
          {request.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
      {request.kind === 'fill' &&
        request.fields?.map((f) => (
          <label key={f.name} className="field">
            <span className="field-label">{f.label}</span>
            <input className="input" onChange={(e) => setData({ ...data, [f.name]: f.type === 'number' ? Number(e.target.value) : e.target.value })} />
          </label>
        ))}
      {request.kind === 'rate' && (
        <input className="input" type="number" min={1} max={5} placeholder="Rating 1–5" onChange={(e) => setData({ ...data, rating: Number(e.target.value) })} />
      )}
      <div className="decision-buttons">
        {request.answers.map((a) => (
          <button key={a} className="button" disabled={a === 'choose' && !choice} onClick={() => void answer(a)} data-answer={a}>
            {a}
          </button>
        ))}
      </div>
    </div>
  )
}
