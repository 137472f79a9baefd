/**
 * POST JSON with a timeout per attempt and retries: timeouts, network errors,
 * 408, 429 and 5xx are retried with exponential backoff and full jitter; a
 * 429's `Retry-After` is honoured. Other answers are final. Error messages
 * never carry the API key, even when a server echoes it back.
 */
import { AiError, type AiErrorCode } from '../errors.js'

export interface RetryPolicy {
  /** Milliseconds before one attempt is aborted. */
  timeoutMs: number
  /** Attempts after the first one. */
  maxRetries: number
  /** First backoff; doubles per retry, capped at `maxDelayMs`, then jittered. */
  baseDelayMs: number
  maxDelayMs: number
  /** A `Retry-After` longer than this fails at once rather than stalling the run. */
  maxRetryAfterMs: number
}

export interface PostDeps {
  fetch: typeof fetch
  sleep: (ms: number) => Promise<void>
  /** 0 ≤ x < 1; injectable so tests are deterministic. */
  random: () => number
  /** Strings that must never appear in an error (the API key). */
  secrets: string[]
}

interface Failure {
  code: AiErrorCode
  message: string
  retry: boolean
  waitMs?: number
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const at = Date.parse(header)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now)
}

function redact(text: string, secrets: string[]): string {
  let out = text
  for (const secret of secrets) if (secret) out = out.split(secret).join('[redacted]')
  return out
}

async function classify(res: Response, url: string, policy: RetryPolicy): Promise<Failure> {
  const detail = (await res.text().catch(() => '')).slice(0, 300).replace(/\s+/g, ' ').trim()
  const said = detail ? `: ${detail}` : ''
  if (res.status === 429) {
    const waitMs = retryAfterMs(res.headers.get('retry-after'))
    if (waitMs !== undefined && waitMs > policy.maxRetryAfterMs) {
      return { code: 'AI_RATE_LIMITED', retry: false, message: `${url} is rate limited and asks to wait ${Math.ceil(waitMs / 1000)} s, longer than the ${policy.maxRetryAfterMs / 1000} s allowed; retry the run later` }
    }
    return { code: 'AI_RATE_LIMITED', retry: true, waitMs, message: `${url} kept answering 429 Too Many Requests; retry the run later or raise the provider's rate limit` }
  }
  if (res.status === 401 || res.status === 403) {
    return { code: 'AI_AUTH', retry: false, message: `${url} refused the API key (${res.status}); check the provider's key on the server (e.g. INLOOP_OPENAI_API_KEY)${said}` }
  }
  if (res.status === 408 || res.status >= 500) {
    return { code: 'AI_UNAVAILABLE', retry: true, message: `${url} answered ${res.status} after every retry; retry the run once the provider is back${said}` }
  }
  return { code: 'AI_REQUEST_REJECTED', retry: false, message: `${url} rejected the request (${res.status}); check the model name and the step's settings${said}` }
}

/**
 * @example
 * const body = await postWithRetries(`${baseUrl}/chat/completions`, headers, payload, policy, deps)
 */
export async function postWithRetries(url: string, headers: Record<string, string>, payload: unknown, policy: RetryPolicy, deps: PostDeps): Promise<unknown> {
  const body = JSON.stringify(payload)
  let failure: Failure | undefined
  for (let attempt = 0; attempt <= policy.maxRetries; attempt++) {
    if (attempt > 0) {
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
      await deps.sleep(failure?.waitMs ?? Math.floor(deps.random() * backoff))
    }
    let res: Response
    try {
      res = await deps.fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(policy.timeoutMs) })
    } catch (error) {
      const timedOut = (error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError'
      failure = timedOut
        ? { code: 'AI_TIMEOUT', retry: true, message: `${url} did not answer within ${policy.timeoutMs} ms, ${attempt + 1} times; retry the run later or raise the timeout` }
        : { code: 'AI_UNAVAILABLE', retry: true, message: `${url} could not be reached (${(error as Error)?.message ?? String(error)}); check the base URL and that the server runs` }
      continue
    }
    if (res.ok) {
      try {
        return await res.json()
      } catch {
        throw new AiError('AI_BAD_RESPONSE', `${url} answered ${res.status} with a body that is not JSON; is the base URL an OpenAI-compatible API?`)
      }
    }
    failure = await classify(res, url, policy)
    if (!failure.retry) break
  }
  throw new AiError(failure!.code, redact(failure!.message, deps.secrets))
}
