/**
 * A tiny CRM on 127.0.0.1 for the `crm-lookup` example: `GET
 * /customers?email=` answers the customer or 404. A test can script the
 * first answers (a 500, a 429, a slow reply) to exercise retries and timeouts.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeCustomer {
  id: string
  name: string
  email: string
  tier?: string
  openBalance?: number
}

/** A scripted answer: a status (and headers, body), possibly late. */
export interface ScriptedAnswer {
  status: number
  body?: unknown
  headers?: Record<string, string>
  delayMs?: number
}

export interface FakeCrm {
  url: string
  /** Every request received, in order. */
  requests: { url: string; headers: IncomingHttpHeaders }[]
  /** Answers to give before the normal lookup takes over, first in first out. */
  script: (ScriptedAnswer | 'lookup')[]
  close(): Promise<void>
}

export async function startFakeCrm(customers: FakeCustomer[] = []): Promise<FakeCrm> {
  const requests: FakeCrm['requests'] = []
  const script: FakeCrm['script'] = []
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers })
    const url = new URL(req.url ?? '/', 'http://crm')
    const scripted = script.shift()
    const answer: ScriptedAnswer =
      scripted && scripted !== 'lookup'
        ? scripted
        : url.pathname !== '/customers'
          ? { status: 404, body: { error: 'no such route' } }
          : lookup(customers, url.searchParams.get('email'))
    const send = () => {
      if (res.destroyed) return
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
      res.end(JSON.stringify(answer.body ?? {}))
    }
    if (answer.delayMs) setTimeout(send, answer.delayMs).unref()
    else send()
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

function lookup(customers: FakeCustomer[], email: string | null): ScriptedAnswer {
  const customer = customers.find((c) => c.email.toLowerCase() === (email ?? '').toLowerCase())
  return customer ? { status: 200, body: customer } : { status: 404, body: { error: 'not found' } }
}
