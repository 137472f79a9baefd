/**
 * Compose and start a runtime: store, node types, AI, engine, scheduler and
 * the HTTP app on one port. `inloop serve` and `npm start` call this; tests
 * call it with `memory: true` and `port: 0`.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { composeEngine } from './compose.js'
import type { Clock } from './engine/deps.js'
import type { Engine } from './engine/index.js'
import type { Store } from './engine/store.js'
import { loadExamples } from './examples.js'
import { createApp } from './http/app.js'
import { StreamHub } from './http/stream-hub.js'
import { loadSecret } from './links.js'
import { createLogger } from './log.js'
import { startScheduler, type Scheduler } from './scheduler.js'
import { openStore } from './store/open-store.js'
import { VERSION, PROJECT_ROOT } from './version.js'

export interface ServerOptions {
  port?: number
  host?: string
  /** Data folder for the lowdb store (default `INLOOP_DATA` or `./data`). */
  dataDir?: string
  /** Keep everything in memory (tests, demos). */
  memory?: boolean
  /** Load `examples/` as flows (default true). */
  examples?: boolean
  apiKey?: string
  designerDir?: string
  /** The engine's clock (default: the system clock). Tests pass one they move by hand. */
  clock?: Clock
}

export interface RunningServer {
  url: string
  port: number
  engine: Engine
  store: Store
  hub: StreamHub
  close(): Promise<void>
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = createLogger()
  const dataDir = options.memory ? undefined : resolve(options.dataDir ?? process.env.INLOOP_DATA ?? './data')
  const store = await openStore(dataDir)
  // What the store noticed on opening (a stale lock taken over, leftovers of a crash) belongs in the log.
  for (const warning of (store as { warnings?: readonly string[] }).warnings ?? []) log.warn(warning)
  let scheduler: Scheduler | undefined
  try {
    const hub = new StreamHub()
    const { engine, registry } = composeEngine({
      store,
      secret: loadSecret(dataDir),
      log,
      clock: options.clock,
      onCommit: (state, events) => {
        hub.publish(state, events)
        if (events.some((e) => e.type === 'timer.scheduled')) scheduler?.poke()
      },
    })
    const samples = options.examples === false ? new Map() : await loadExamples(join(PROJECT_ROOT, 'examples'), store, registry, log)
    const app = createApp(
      { engine, store, registry, hub, log, version: VERSION, apiKey: options.apiKey ?? process.env.INLOOP_API_KEY, samples },
      { designerDir: options.designerDir ?? join(PROJECT_ROOT, 'designer', 'dist') },
    )
    const server = createServer(app)
    server.keepAliveTimeout = 65_000
    await listen(server, options.port ?? Number(process.env.PORT ?? 3000), options.host ?? process.env.HOST ?? '127.0.0.1')
    // Only once listening: a server that fails to start leaves no scheduler behind firing timers.
    scheduler = startScheduler(engine)
    const { port, address } = server.address() as AddressInfo
    const host = address.includes(':') ? `[${address}]` : address
    return {
      url: `http://${host}:${port}`,
      port,
      engine,
      store,
      hub,
      async close() {
        await scheduler?.stop()
        server.closeAllConnections()
        await new Promise<void>((done) => server.close(() => done()))
        await store.close()
      },
    }
  } catch (error) {
    await store.close()
    throw error
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => {
      server.off('error', fail)
      done()
    })
  })
}
