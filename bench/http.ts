/**
 * Runs started and completed through the HTTP API on loopback: the real
 * server in its own process (lowdb store, fsynced commits), driven by
 * concurrent keep-alive clients from this one.
 *
 * Standalone: `node --import tsx bench/http.ts`
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const [automatic] = JSON.parse(readFileSync(join(root, 'examples/loan-approval.inputs.json'), 'utf8'))
/** A machine calling the API: an admin key (INLOOP_API_KEY) as a bearer token. */
const KEY = 'bench-http-admin-key-0123456789abcdef'
const AUTH = { authorization: `Bearer ${KEY}` }

export async function benchHttp(seconds = 3, concurrency = 32): Promise<{ httpRunsPerSec: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'inloop-bench-http-'))
  const port = await freePort()
  const child = spawn(process.execPath, [join(root, 'bin/inloop.js'), 'serve', '--port', String(port), '--data', dir], {
    env: { ...process.env, INLOOP_LOG: 'warn', INLOOP_API_KEY: KEY, INLOOP_ADMIN_PASSWORD: 'bench-admin-password', INLOOP_PASSWORD_COST: '10' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}/api`
  try {
    await waitForHealth(base)
    const start = (): Promise<Response> =>
      fetch(`${base}/flows/loan-approval/runs`, { method: 'POST', headers: { 'content-type': 'application/json', ...AUTH }, body: JSON.stringify({ input: automatic.input }) })
    const first = (await (await start()).json()) as { runId: string }
    const run = (await (await fetch(`${base}/runs/${first.runId}`, { headers: AUTH })).json()) as { status: string }
    if (run.status !== 'completed') throw new Error(`expected the automatic path to complete, got ${run.status}`)
    let completed = 0
    const began = performance.now()
    const end = began + seconds * 1000
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < end) {
          const res = await start()
          if (res.status !== 201) throw new Error(`POST /runs answered ${res.status}: ${await res.text()}`)
          await res.arrayBuffer()
          completed++
        }
      }),
    )
    return { httpRunsPerSec: completed / ((performance.now() - began) / 1000) }
  } finally {
    child.kill('SIGTERM')
    await new Promise((done) => child.once('exit', done))
    await rm(dir, { recursive: true, force: true })
  }
}

async function waitForHealth(base: string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error('the server did not answer /api/health within 30 s')
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => done(port))
    })
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await benchHttp())
}
