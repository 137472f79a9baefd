/** The portal's two calls: read the request behind a link, send the answer. Every outcome is a value, never a throw. */

export interface CustomerRequest {
  subject: string
  message: string
  kind: 'confirm' | 'choose' | 'fill' | 'rate'
  answers: string[]
  options?: { value: string; label: string }[]
  fields?: { name: string; label: string; type: 'string' | 'number' | 'boolean' | 'date' }[]
  expiresAt: string
}

export interface GivenAnswer {
  answer: string
  data: Record<string, unknown>
}

export type Loaded =
  | { state: 'open'; request: CustomerRequest }
  | { state: 'answered'; answer?: GivenAnswer }
  | { state: 'expired' | 'closed' | 'not-found' | 'error' }
  /** The answer was refused as it is (422): say why, keep the form. */
  | { state: 'invalid'; message: string }
  | { state: 'sent' }

const url = (token: string) => `/api/customer/${encodeURIComponent(token)}`

export async function loadRequest(token: string): Promise<Loaded> {
  return call(() => fetch(url(token), { headers: { accept: 'application/json' } }), (body) => ({ state: 'open', request: body as CustomerRequest }))
}

export async function sendAnswer(token: string, answer: GivenAnswer): Promise<Loaded> {
  return call(
    () => fetch(url(token), { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(answer) }),
    () => ({ state: 'sent' }),
  )
}

async function call(send: () => Promise<Response>, ok: (body: unknown) => Loaded): Promise<Loaded> {
  let res: Response
  let body: { error?: { code?: string; message?: string; answer?: GivenAnswer } } = {}
  try {
    res = await send()
    body = await res.json().catch(() => ({}))
  } catch {
    return { state: 'error' }
  }
  if (res.ok) return ok(body)
  const code = body.error?.code
  if (code === 'REQUEST_ANSWERED') return { state: 'answered', answer: body.error?.answer }
  if (code === 'REQUEST_EXPIRED') return { state: 'expired' }
  if (code === 'REQUEST_CLOSED') return { state: 'closed' }
  if (res.status === 404) return { state: 'not-found' }
  if (res.status === 422 || res.status === 400) return { state: 'invalid', message: body.error?.message ?? '' }
  return { state: 'error' }
}
