/**
 * Live view benchmark.
 * 1. Latency from an engine event to the browser's overlay: runs are started
 *    in-process at about 200 events/s while headless Chromium shows the flow
 *    with its overlay; the page times each step's counts from the event's
 *    engine time stamp to the moment they are in the DOM. Target p95 ≤ 100 ms.
 * 2. Server memory with 50 slow clients: 50 stream connections that never
 *    read, while events keep coming. Each is switched to a summary once its
 *    socket buffer is full, so what the server holds stays bounded; the
 *    figure beside it is what unbounded queues would hold.
 *
 * Run: npx tsx bench/live.ts  (writes bench/results/live.json)
 */
import { execSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { connect, type Socket } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { chromium } from 'playwright-core'
import { startServer, type RunningServer } from '../runtime/server.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const KEY = 'live-bench-key-0123456789abcdef01'
const FLOW = {
  schemaVersion: 1,
  id: 'live-bench',
  name: 'Live bench',
  description: '',
  version: 0,
  parameters: [],
  input: { type: 'object' },
  nodes: [
    { id: 'start', type: 'start', typeVersion: 1, position: { x: 0, y: 0 }, config: {} },
    { id: 'review', type: 'human-review', typeVersion: 1, position: { x: 300, y: 0 }, config: { title: 'Check', role: 'checker' } },
    { id: 'ok', type: 'end', typeVersion: 1, position: { x: 600, y: -80 }, config: { outcome: 'ok' } },
    { id: 'no', type: 'end', typeVersion: 1, position: { x: 600, y: 80 }, config: { outcome: 'no' } },
  ],
  edges: [
    { id: 'e1', source: 'start', sourcePort: 'next', target: 'review' },
    { id: 'e2', source: 'review', sourcePort: 'approve', target: 'ok' },
    { id: 'e3', source: 'review', sourcePort: 'reject', target: 'no' },
  ],
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Start runs for `ms` at `eventsPerSec` (each start commits several events); returns the events sent per second. */
async function drive(server: RunningServer, eventsPerSec: number, ms: number, note = ''): Promise<number> {
  const first = server.hub.lastEventId
  const perRun = 6 // run.started, entered and left start, entered review, waiting, task created
  const every = (1000 * perRun) / eventsPerSec
  const until = Date.now() + ms
  for (let next = Date.now(); Date.now() < until; next += every) {
    void server.engine.startRun({ flowId: FLOW.id, input: { note } })
    await sleep(Math.max(0, next + every - Date.now()))
  }
  return ((server.hub.lastEventId - first) * 1000) / ms
}

async function latency(server: RunningServer) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] })
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, extraHTTPHeaders: { authorization: `Bearer ${KEY}` } })).newPage()
    await page.goto(`${server.url}/flows/${FLOW.id}`)
    await page.waitForSelector('[data-testid=toggle-live][data-stream=open]', { timeout: 30_000 })
    await drive(server, 200, 1500) // warm up
    await page.evaluate('window.inloopLive.latencies.length = 0')
    const rate = await drive(server, 200, 10_000)
    await sleep(500)
    const samples = ((await page.evaluate('window.inloopLive.latencies.slice()')) as number[]).sort((a, b) => a - b)
    return { eventsPerSec: Math.round(rate), samples: samples.length, p50Ms: percentile(samples, 0.5), p95Ms: percentile(samples, 0.95), maxMs: samples.at(-1) ?? 0 }
  } finally {
    await browser.close()
  }
}

function slowClient(server: RunningServer): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => {
      socket.write(`GET /api/stream?flowId=${FLOW.id} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${KEY}\r\nAccept: text/event-stream\r\n\r\n`)
      // Read the response head, then never read again.
      socket.once('data', () => (socket.pause(), resolve(socket)))
    })
    socket.on('error', reject)
  })
}

async function memory(server: RunningServer) {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const used = () => (gc(), gc(), process.memoryUsage())
  const before = used()
  const clients = await Promise.all(Array.from({ length: 50 }, () => slowClient(server)))
  const note = 'x'.repeat(2000) // big enough that unread streams fill their sockets quickly
  const first = server.hub.lastEventId
  const frameBytes = 2_300
  await drive(server, 200, 15_000, note)
  const events = server.hub.lastEventId - first
  const during = used()
  const stats = server.hub.stats()
  // Readers catch up: each gets one summary, then the stream again.
  let summaries = 0
  for (const socket of clients) {
    socket.on('data', (chunk: Buffer) => chunk.includes('event: summary') && summaries++)
    socket.resume()
  }
  await sleep(1500)
  clients.forEach((s) => s.destroy())
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10
  return {
    slowClients: clients.length,
    events,
    heapGrowthMb: mb(during.heapUsed - before.heapUsed),
    rssGrowthMb: mb(during.rss - before.rss),
    queuedMb: mb(stats.bufferedBytes),
    lagging: stats.lagging,
    ringMb: mb(stats.ringBytes),
    unboundedWouldQueueMb: mb(events * frameBytes * clients.length),
    clientsResumedWithSummary: summaries,
  }
}

export async function benchLive() {
  execSync('npm run build --silent', { cwd: ROOT, stdio: 'pipe' })
  process.env.INLOOP_LOG ??= 'silent'
  const server = await startServer({ port: 0, memory: true, examples: false, apiKey: KEY })
  try {
    await server.engine.deps.store.flows.saveDraft(FLOW.id, FLOW as never, 'bench')
    await server.engine.deps.store.flows.publish(FLOW.id, 'bench')
    const result = { latency: await latency(server), memory: await memory(server) }
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true })
    writeFileSync(join(ROOT, 'bench', 'results', 'live.json'), JSON.stringify(result, null, 2) + '\n')
    return result
  } finally {
    await server.close()
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(JSON.stringify(await benchLive(), null, 2))
}
