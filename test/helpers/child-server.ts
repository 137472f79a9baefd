/**
 * The real server as a child process (`node bin/inloop.js serve`), for tests
 * that kill it and start it again on the same data folder.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { PROJECT_ROOT } from '../../runtime/version.js'
import { createApi, type Api } from './api.js'
import { TEST_ADMIN_PASSWORD, TEST_API_KEY } from './people.js'

const BIN = join(PROJECT_ROOT, 'bin', 'inloop.js')

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
}

export interface ChildServer {
  url: string
  /** Calls with the admin API key (INLOOP_API_KEY). */
  api: Api
  proc: ChildProcess
  output(): string
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal?: NodeJS.Signals): Promise<void>
}

export interface SpawnOptions {
  dataDir: string
  port?: number
  args?: string[]
  env?: Record<string, string>
}

/** Start `inloop serve` and resolve once `/api/health` answers (or reject with its output if it exits first). */
export async function spawnServer(options: SpawnOptions, timeoutMs = 20_000): Promise<ChildServer> {
  const child = spawnInloop({ ...options, port: options.port ?? (await freePort()) })
  const deadline = Date.now() + timeoutMs
  let exitedEarly = false
  child.exited.then(() => (exitedEarly = true))
  for (;;) {
    if (exitedEarly) throw new Error(`the server exited before it answered:\n${child.output()}`)
    try {
      const res = await fetch(`${child.url}/api/health`)
      if (res.ok) return child
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await child.kill('SIGKILL')
      throw new Error(`the server did not answer within ${timeoutMs} ms:\n${child.output()}`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Start `inloop serve` without waiting for it (to watch it fail). */
export function spawnInloop(options: SpawnOptions): ChildServer {
  const port = options.port ?? 0
  const args = [BIN, 'serve', '--port', String(port), '--data', options.dataDir, ...(options.args ?? [])]
  const proc = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, INLOOP_LOG: 'warn', INLOOP_API_KEY: TEST_API_KEY, INLOOP_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD, INLOOP_PASSWORD_COST: '10', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  proc.stdout!.on('data', (chunk) => (output += chunk))
  proc.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => proc.once('exit', (code, signal) => done({ code, signal })))
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    api: createApi(url, { authorization: `Bearer ${TEST_API_KEY}` }),
    proc,
    output: () => output,
    exited,
    async kill(signal = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal)
      await exited
    },
  }
}
