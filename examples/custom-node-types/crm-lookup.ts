/**
 * `crm-lookup`: an example of a real custom node type. Finds a customer in a
 * CRM by e-mail over HTTP — `GET <baseUrl>/customers?email=…` — with a
 * timeout per attempt and retries with exponential backoff on 5xx, 429 and
 * network errors. Every attempt carries the node's idempotency key, so the
 * CRM can recognise a retry. Leaves by `found` (the customer), `not-found`
 * (404) or `error` (not configured, refused, or no answer after the retries).
 *
 * Configure the CRM per node (`baseUrl`) or per server with the secrets
 * `crm-base-url` and `crm-api-key` (env `INLOOP_SECRET_CRM_BASE_URL`,
 * `INLOOP_SECRET_CRM_API_KEY`).
 */
import { z } from 'zod'
import { defineNodeType, expression, type NodeContext } from 'inloop/node-types'

/** A customer as the CRM returns it. */
export const crmCustomer = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  tier: z.string().default('standard'),
  openBalance: z.number().default(0),
})
export type CrmCustomer = z.infer<typeof crmCustomer>

/** What leaves each port. */
export type CrmLookupResult =
  | { port: 'found'; data: { customer: CrmCustomer; attempts: number } }
  | { port: 'not-found'; data: { email: string; attempts: number } }
  | { port: 'error'; data: { error: string; status: number | null; attempts: number } }

const config = z.object({
  baseUrl: z
    .string()
    .default('')
    .meta({ title: 'CRM URL', description: 'e.g. https://crm.example.com/api. Empty: the crm-base-url secret (INLOOP_SECRET_CRM_BASE_URL)' }),
  email: expression('Customer e-mail', 'input.email').default('input.email'),
  apiKeySecret: z.string().default('crm-api-key').meta({ title: 'API key secret', description: 'Name of the secret holding the CRM API key, sent as a Bearer token' }),
  timeoutMs: z.number().int().min(50).max(60_000).default(5_000).meta({ title: 'Timeout (ms)', description: 'Per attempt' }),
  retries: z.number().int().min(0).max(5).default(2).meta({ title: 'Retries', description: 'Extra attempts after a 5xx, a 429, a timeout or a network error' }),
  backoffMs: z.number().int().min(0).max(10_000).default(300).meta({ title: 'Backoff (ms)', description: 'Wait before the first retry; doubles each time' }),
})
type CrmLookupConfig = z.output<typeof config>
/** How the last failed attempt went. */
type Attempt = { error: string; status: number | null; retryAfter?: string | null }

/**
 * @example
 * // in a flow: { "id": "lookup", "type": "crm-lookup", "typeVersion": 1, "config": { "email": "input.email" } }
 * const { result } = await runNode(crmLookup, { config: { baseUrl: crm.url }, ctx: { input: { email: 'ada@example.com' }, http } })
 */
export const crmLookup = defineNodeType({
  type: 'crm-lookup',
  version: 1,
  title: 'CRM lookup',
  description: 'Finds the customer in the CRM by e-mail; retries when the CRM is busy or down.',
  category: 'integration',
  icon: 'search',
  color: '#0ea5e9',
  outputs: ['found', 'not-found', 'error'],
  optionalOutputs: ['error'],
  // A GET changes nothing: running it twice is harmless.
  retrySafe: true,
  config,
  expressions: (c) => [{ path: ['email'], source: c.email }],
  summary: (c) => `by ${c.email}`,
  execute: (ctx, _input, c) => lookup(ctx, c),
})

async function lookup(ctx: NodeContext, c: CrmLookupConfig): Promise<CrmLookupResult> {
  const baseUrl = (c.baseUrl || ctx.secrets.get('crm-base-url') || '').replace(/\/+$/, '')
  if (!baseUrl) return failed('no CRM URL: set the node’s CRM URL or the crm-base-url secret (INLOOP_SECRET_CRM_BASE_URL)', null, 0)
  const email = String(ctx.evaluate(c.email) ?? '').trim()
  if (!email) return failed(`${c.email} gave no e-mail address to look up`, null, 0)
  const headers: Record<string, string> = { accept: 'application/json', 'idempotency-key': ctx.idempotencyKey }
  const apiKey = ctx.secrets.get(c.apiKeySecret)
  if (apiKey) headers.authorization = `Bearer ${apiKey}`
  const url = `${baseUrl}/customers?email=${encodeURIComponent(email)}`
  let last: Attempt = { error: '', status: null }
  const attempts = c.retries + 1
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep(Math.max(c.backoffMs * 2 ** (attempt - 2), retryAfterMs(last)))
    try {
      const res = await ctx.http(url, { headers, timeoutMs: c.timeoutMs })
      if (res.status === 404) return { port: 'not-found', data: { email, attempts: attempt } }
      if (res.ok) return found(await res.json(), attempt)
      if (res.status !== 429 && res.status < 500) return failed(`the CRM refused the lookup (HTTP ${res.status})`, res.status, attempt)
      last = { error: `HTTP ${res.status}`, status: res.status, retryAfter: res.headers.get('retry-after') }
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
      last = { error: timedOut ? `no answer within ${c.timeoutMs} ms` : String((error as Error).message ?? error), status: null }
    }
    if (attempt < attempts) ctx.log.warn(`CRM lookup attempt ${attempt} failed (${last.error}); retrying`, { attempt })
  }
  return failed(`the CRM did not answer after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${last.error}`, last.status, attempts)
}

function found(body: unknown, attempts: number): CrmLookupResult {
  const parsed = crmCustomer.safeParse(body)
  if (!parsed.success) return failed(`the CRM answered with an unexpected body: ${parsed.error.issues[0].message} at ${parsed.error.issues[0].path.join('.')}`, 200, attempts)
  return { port: 'found', data: { customer: parsed.data, attempts } }
}

function failed(error: string, status: number | null, attempts: number): CrmLookupResult {
  return { port: 'error', data: { error, status, attempts } }
}

/** A 429's `Retry-After` in seconds, capped at 10 s so a run never sleeps long inside its lock. */
function retryAfterMs(last: Attempt): number {
  const seconds = Number(last.retryAfter)
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, 10_000) : 0
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms))
}
