/**
 * HTTP test helpers: an in-memory server on a real loopback port with a
 * seeded admin, a small `api(method, path, body?, headers?)` client signed in
 * as that admin, more people on demand (`t.people.as(...)`), and waits for
 * run states.
 */
import { startServer, type RunningServer, type ServerOptions } from '../../runtime/server.js'
import { people, sessionCookie, TEST_ADMIN_PASSWORD, type People } from './people.js'

process.env.INLOOP_LOG ??= 'silent'

export interface ApiResponse<T = any> {
  status: number
  body: T
  /** The raw response text (to check what is, and is not, in it). */
  text: string
  headers: Headers
}

/**
 * Call the API. A string body is sent as it is (to send broken JSON);
 * anything else is sent as JSON.
 */
export type Api = <T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse<T>>

export function createApi(baseUrl: string, defaults: Record<string, string> = {}): Api {
  return async (method, path, body, headers = {}) => {
    const init: RequestInit = { method, headers: { ...defaults, ...headers } }
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body)
      init.headers = { 'content-type': 'application/json', ...init.headers }
    }
    const res = await fetch(`${baseUrl}${path}`, init)
    const text = await res.text()
    let parsed: unknown = text
    // JSON bodies only: JSON Lines (application/x-ndjson) stays text.
    if (/^application\/(?:[\w.-]+\+)?json\b/.test(res.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text)
    return { status: res.status, body: parsed as never, text, headers: res.headers }
  }
}

export interface TestServer {
  server: RunningServer
  /** Signed in as the seeded admin (`admin`). */
  api: Api
  /** The admin's session cookie, for raw `fetch` calls (streams). */
  adminHeaders: Record<string, string>
  /** Not signed in at all. */
  anonymous: Api
  /** Other users, created and signed in on first use. */
  people: People
  url: string
  close(): Promise<void>
}

/** An in-memory server on a free loopback port with an admin signed in (examples not loaded unless asked). */
export async function startTestServer(options: ServerOptions = {}): Promise<TestServer> {
  // apiKey '' keeps an INLOOP_API_KEY in the developer's environment out of the tests; a low scrypt cost keeps sign-ins fast.
  const server = await startServer({ port: 0, host: '127.0.0.1', memory: true, examples: false, apiKey: '', adminPassword: TEST_ADMIN_PASSWORD, passwordCost: 10, ...options })
  const adminHeaders = await sessionCookie(server.url, 'admin', TEST_ADMIN_PASSWORD)
  const api = createApi(server.url, adminHeaders)
  return { server, api, adminHeaders, anonymous: createApi(server.url), people: people(server.url, api), url: server.url, close: () => server.close() }
}

/** A clock the test moves by hand. */
export function manualClock(start = '2026-01-05T09:00:00.000Z') {
  let now = new Date(start).getTime()
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms
    },
    set(iso: string) {
      now = new Date(iso).getTime()
    },
  }
}

export type ManualClock = ReturnType<typeof manualClock>

const TERMINAL = ['completed', 'failed', 'cancelled']

/** Poll `GET /api/runs/:id` until its status is one of `statuses` (default: any terminal one). */
export async function waitForRunStatus(api: Api, runId: string, statuses: string | string[] = TERMINAL, timeoutMs = 5_000): Promise<any> {
  const wanted = Array.isArray(statuses) ? statuses : [statuses]
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const res = await api('GET', `/api/runs/${runId}`)
    if (res.status === 200 && wanted.includes(res.body.status)) return res.body
    if (Date.now() > deadline) {
      throw new Error(`run ${runId} did not reach ${wanted.join('/')} within ${timeoutMs} ms; it is ${JSON.stringify(res.body)}`)
    }
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Save a flow as a draft and publish it; returns the version number. */
export async function publishFlow(api: Api, flow: { id: string }): Promise<number> {
  const saved = await api('PUT', `/api/flows/${flow.id}`, flow)
  if (saved.status !== 200) throw new Error(`saving ${flow.id} failed: ${saved.text}`)
  const published = await api('POST', `/api/flows/${flow.id}/publish`, {})
  if (published.status !== 201) throw new Error(`publishing ${flow.id} failed: ${published.text}`)
  return published.body.version
}

/** Start a run and return its id (fails the test on anything but 201). */
export async function startRun(api: Api, flowId: string, input: unknown, headers?: Record<string, string>): Promise<string> {
  const res = await api('POST', `/api/flows/${flowId}/runs`, { input }, headers)
  if (res.status !== 201) throw new Error(`starting ${flowId} failed (${res.status}): ${res.text}`)
  return res.body.runId
}

/** The open tasks of a run. */
export async function openTasks(api: Api, runId: string): Promise<any[]> {
  const res = await api('GET', `/api/tasks?status=open&runId=${encodeURIComponent(runId)}`)
  if (res.status !== 200) throw new Error(`listing tasks failed: ${res.text}`)
  return res.body
}

/** The customer-link token of the newest request message sent for a run. */
export async function latestToken(api: Api, runId: string): Promise<string> {
  const res = await api('GET', `/api/outbox?runId=${encodeURIComponent(runId)}`)
  const links = (res.body as { link?: string; purpose: string; createdAt: string }[]).filter((m) => m.purpose === 'request' && m.link)
  if (links.length === 0) throw new Error(`no customer link was sent for run ${runId}`)
  return tokenOf(links[links.length - 1].link!)
}

export function tokenOf(link: string): string {
  const match = /\/c\/([^/?#]+)$/.exec(link)
  if (!match) throw new Error(`'${link}' is not a customer link`)
  return match[1]
}
