/**
 * The designer's only door to the runtime: typed calls to the HTTP API.
 * Every failure becomes an `ApiError` carrying the server's code, message
 * and (for 422) the validator's problems, so a screen can say what happened.
 */
import type { CustomerRequestView, Flow, FlowRecord, FlowSummary, LiveSnapshotWire, NodeTypeDescription, OutboxMessage, Problem, RunDetail, RunEvent, RunInfo, RunStatus, RunSummary, Sample, SignedInUser, TaskInfo, VersionInfo } from './types'

export type { SignedInUser }

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
    /** Everything else the server said about the error (e.g. `first` on a second decision, `assignee` on a claimed task). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }
}

const unauthorizedListeners = new Set<() => void>()

/** Called whenever the server says the caller is not signed in (401), so the app can show the sign-in page. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener)
  return () => unauthorizedListeners.delete(listener)
}

export async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  return (await send<T>(method, url, body)).data
}

/** Like `request`, with the response headers too (e.g. `X-Total-Count` of a list). */
export async function send<T>(method: string, url: string, body?: unknown): Promise<{ data: T; headers: Headers; status: number }> {
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'network', 'The server cannot be reached. Check that Inloop is running.')
  }
  const text = await response.text()
  const data = text ? safeJson(text) : undefined
  if (response.status === 401 && url !== '/api/auth/login') unauthorizedListeners.forEach((l) => l())
  if (!response.ok) {
    const err = (data as { error?: { code?: string; message?: string; problems?: Problem[] }; problems?: Problem[] })?.error
    const problems = err?.problems ?? (data as { problems?: Problem[] })?.problems ?? []
    throw new ApiError(response.status, err?.code ?? `http.${response.status}`, err?.message ?? `The server answered ${response.status} ${response.statusText}`, problems, err ?? {})
  }
  return { data: data as T, headers: response.headers, status: response.status }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return { error: { code: 'bad-response', message: text.slice(0, 200) } }
  }
}

const enc = encodeURIComponent

export const api = {
  login: (username: string, password: string) => request<{ user: SignedInUser; expiresAt: string }>('POST', '/api/auth/login', { username, password }),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<{ user: SignedInUser }>('GET', '/api/auth/me'),
  nodeTypes: () => request<NodeTypeDescription[]>('GET', '/api/node-types'),
  flowSchema: () => request<Record<string, unknown>>('GET', '/api/schema/flow'),
  listFlows: () => request<FlowSummary[]>('GET', '/api/flows'),
  getFlow: (id: string) => request<FlowRecord>('GET', `/api/flows/${enc(id)}`),
  saveFlow: (flow: Flow) => request<{ updatedAt?: string }>('PUT', `/api/flows/${enc(flow.id)}`, flow),
  deleteFlow: (id: string) => request<void>('DELETE', `/api/flows/${enc(id)}`),
  validate: async (flow: unknown): Promise<Problem[]> => {
    try {
      await request('POST', '/api/flows/validate', flow)
      return []
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) return error.problems
      throw error
    }
  },
  publish: (id: string, note?: string) => request<{ version: number }>('POST', `/api/flows/${enc(id)}/publish`, note ? { note } : {}),
  versions: (id: string) => request<VersionInfo[]>('GET', `/api/flows/${enc(id)}/versions`),
  version: (id: string, v: number) => request<Flow>('GET', `/api/flows/${enc(id)}/versions/${v}`),
  samples: (id: string) => request<Sample[]>('GET', `/api/flows/${enc(id)}/samples`),
  startTestRun: (id: string, input: unknown, flow?: Flow) => request<{ runId: string }>('POST', `/api/flows/${enc(id)}/test-runs`, { input, flow }),
  run: (id: string) => request<RunDetail>('GET', `/api/runs/${enc(id)}`),
  runs: (q: { flowId: string; status?: RunStatus; q?: string; test?: boolean; limit?: number }) =>
    request<RunSummary[]>('GET', `/api/runs?${new URLSearchParams({ flowId: q.flowId, include: 'input', limit: String(q.limit ?? 50), ...(q.status ? { status: q.status } : {}), ...(q.q ? { q: q.q } : {}), ...(q.test === undefined ? {} : { test: String(q.test) }) })}`),
  retryRun: (id: string) => request<RunInfo>('POST', `/api/runs/${enc(id)}/retry`, {}),
  cancelRun: (id: string, reason: string) => request<RunInfo>('POST', `/api/runs/${enc(id)}/cancel`, { reason }),
  live: (flowId: string) => request<LiveSnapshotWire>('GET', `/api/flows/${enc(flowId)}/live`),
  runEvents: (id: string, after = 0) => request<RunEvent[]>('GET', `/api/runs/${enc(id)}/events${after ? `?after=${after}` : ''}`),
  openTasks: (runId: string) => request<TaskInfo[]>('GET', `/api/tasks?runId=${enc(runId)}&status=open`),
  decide: (taskId: string, body: { decision: string; data?: Record<string, unknown>; reason?: string }) =>
    request<{ status: 'decided' | 'pending'; approvals?: unknown[]; required?: number }>('POST', `/api/tasks/${enc(taskId)}/decision`, body),
  customerRequest: (token: string) => request<CustomerRequestView>('GET', `/api/customer/${enc(token)}`),
  outbox: (runId: string) => request<OutboxMessage[]>('GET', `/api/outbox?runId=${enc(runId)}`),
  answerCustomer: (token: string, answer: string, data?: Record<string, unknown>) =>
    request<unknown>('POST', `/api/customer/${enc(token)}`, { answer, data }),
}
