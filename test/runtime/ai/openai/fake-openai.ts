/**
 * A tiny OpenAI-compatible server on 127.0.0.1 for tests: it answers
 * `POST /v1/chat/completions` from a script of replies (status, body, headers,
 * delay) and records every request it got.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Reply {
  status?: number
  /** A string is sent as it is; anything else as JSON. */
  body?: unknown
  headers?: Record<string, string>
  delayMs?: number
}

export interface FakeOpenAi {
  baseUrl: string
  requests: { headers: IncomingHttpHeaders; body: any }[]
  /** Replies in order; the last one repeats. */
  script(...replies: Reply[]): void
  close(): Promise<void>
}

/** A chat completion whose message content is `content` (JSON-encoded unless a string). */
export function completion(content: unknown, model = 'fake-model-2025-01-01'): Reply {
  return { body: { id: 'c1', object: 'chat.completion', model, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: typeof content === 'string' ? content : JSON.stringify(content) } }] } }
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  let replies: Reply[] = [completion({ label: 'yes', confidence: 0.9 })]
  let served = 0
  const requests: FakeOpenAi['requests'] = []
  const server = createServer((req, res) => {
    let text = ''
    req.on('data', (chunk) => (text += chunk))
    req.on('end', () => {
      requests.push({ headers: req.headers, body: text ? JSON.parse(text) : undefined })
      const reply = replies[Math.min(served++, replies.length - 1)]
      const send = () => {
        if (res.destroyed) return
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers })
        res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}))
      }
      if (reply.delayMs) setTimeout(send, reply.delayMs)
      else send()
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script(...next) {
      replies = next
      served = 0
      requests.length = 0
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** An assistant turn that asks for tools: each `{ name, args }` (args as an object, or raw text to send malformed arguments). */
export function toolCalls(...calls: { name: string; args: unknown; id?: string }[]): Reply {
  const tool_calls = calls.map((c, i) => ({
    id: c.id ?? `call_${c.name}_${i}`,
    type: 'function',
    function: { name: c.name, arguments: typeof c.args === 'string' ? c.args : JSON.stringify(c.args) },
  }))
  return { body: { id: 'c2', object: 'chat.completion', model: 'fake-model-2025-01-01', choices: [{ index: 0, finish_reason: 'tool_calls', message: { role: 'assistant', content: null, tool_calls } }] } }
}
