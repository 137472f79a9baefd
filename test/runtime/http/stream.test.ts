import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { publishFlow, startRun, startTestServer, type TestServer } from '../../helpers/api.js'
import { ruleFlow } from '../../helpers/flows.js'

interface Message {
  id: number
  runId: string
  flowId: string
  status: string
  event: { type: string; seq: number }
}

/** The admin's session cookie: the stream is for signed-in designers and owners. */
let signedIn: Record<string, string> = {}

/** Open `/api/stream`, collect `run` messages until `until` says stop (or time runs out). */
async function collect(url: string, until: (messages: Message[]) => boolean, headers: Record<string, string> = {}, onOpen?: () => Promise<void>) {
  const controller = new AbortController()
  const res = await fetch(url, { headers: { ...signedIn, ...headers }, signal: controller.signal })
  const messages: Message[] = []
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
  const timeout = setTimeout(() => controller.abort(), 3_000)
  let buffer = ''
  try {
    await onOpen?.()
    while (!until(messages)) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += value
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const data = block.split('\n').find((l) => l.startsWith('data: '))
        if (block.includes('event: run') && data) messages.push(JSON.parse(data.slice(6)))
      }
    }
  } finally {
    clearTimeout(timeout)
    controller.abort()
  }
  return { res, messages }
}

describe('GET /api/stream', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await startTestServer()
    signedIn = t.adminHeaders
    await publishFlow(t.api, ruleFlow('streamed', 'true'))
    await publishFlow(t.api, ruleFlow('other', 'true'))
  })
  afterAll(() => t.close())

  it('streams the events of a run as they are committed', async () => {
    let runId = ''
    const { res, messages } = await collect(
      `${t.url}/api/stream?flowId=streamed`,
      (m) => m.some((x) => x.event.type === 'run.completed'),
      {},
      async () => {
        runId = await startRun(t.api, 'streamed', {})
      },
    )
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
    expect(messages.every((m) => m.runId === runId && m.flowId === 'streamed')).toBe(true)
    expect(messages.map((m) => m.event.seq)).toEqual(messages.map((_, i) => i + 1))
    expect(messages.at(-1)).toMatchObject({ status: 'completed', event: { type: 'run.completed' } })
  })

  it('leaves out the runs of other flows when filtered by flow', async () => {
    const { messages } = await collect(
      `${t.url}/api/stream?flowId=streamed`,
      (m) => m.some((x) => x.event.type === 'run.completed'),
      {},
      async () => {
        await startRun(t.api, 'other', {})
        await startRun(t.api, 'streamed', {})
      },
    )
    expect(messages.map((m) => m.flowId)).not.toContain('other')
  })

  it('replays what a client missed after Last-Event-ID', async () => {
    const runId = await startRun(t.api, 'streamed', {})
    const { messages } = await collect(`${t.url}/api/stream?runId=${runId}`, (m) => m.some((x) => x.event.type === 'run.completed'), { 'last-event-id': '0' })
    expect(messages[0].event.type).toBe('run.started')
    expect(messages.every((m) => m.runId === runId)).toBe(true)
  })
})
