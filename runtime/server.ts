/**
 * Compose and start a runtime: store, node types, AI, engine, scheduler and
 * the HTTP app on one port. `inloop serve` and `npm start` call this; tests
 * call it with `memory: true` and `port: 0`.
 */
import type { Express } from 'express'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { setupAuth, type FirstAdmin } from './auth/setup.js'
import type { Auth } from './auth/auth.js'
import type { AiProviderImpl } from './ai/provider.js'
import { composeEngine } from './compose.js'
import { createSecretBox } from './credentials/cipher.js'
import { createCredentials } from './credentials/credentials.js'
import type { Clock } from './engine/deps.js'
import type { Engine } from './engine/index.js'
import type { Store } from './engine/store.js'
import { loadExamples } from './examples.js'
import { createApp } from './http/app.js'
import { StreamHub } from './http/stream-hub.js'
import { loadSecret } from './links.js'
import { createLearning, type Learning } from './learning/index.js'
import { createLogger } from './log.js'
import type { NodeTypeCatalog } from './node-types/catalog.js'
import { loadNodeTypes, nodeTypeDirs } from './node-types/load-node-types.js'
import { watchNodeTypes, type NodeTypeWatcher } from './node-types/watch-node-types.js'
import { loadNotifyConfig, type NotifyConfig } from './notify/config.js'
import type { NotifyChannel } from './notify/channel.js'
import { createNotifier, type Notifier } from './notify/notifier.js'
import { startScheduler, type Scheduler } from './scheduler.js'
import { openStore } from './store/open-store.js'
import { VERSION, PROJECT_ROOT } from './version.js'

export interface ServerOptions {
  /** More AI providers (a developer's own), registered next to `local` and the configured ones. */
  aiProviders?: AiProviderImpl[]
  port?: number
  host?: string
  /** Data folder for the lowdb store (default `INLOOP_DATA` or `./data`). */
  dataDir?: string
  /** PostgreSQL instead of a data folder (default `INLOOP_DATABASE_URL`); any number of processes may share it. */
  databaseUrl?: string
  /** Keep everything in memory (tests, demos). */
  memory?: boolean
  /** Load `examples/` as flows (default true). */
  examples?: boolean
  /** An API key with the admin role (default `INLOOP_API_KEY`; '' for none). */
  apiKey?: string
  /** The first admin's password on a first start (default `INLOOP_ADMIN_PASSWORD`, else generated and printed). */
  adminPassword?: string
  /** scrypt cost, log2(N), for new password hashes (default `INLOOP_PASSWORD_COST` or 17; tests pass 10). */
  passwordCost?: number
  /** How long a sign-in lasts (default 12 hours). */
  sessionTtlMs?: number
  /** Where people reach the server, e.g. `https://inloop.example.com` (default `INLOOP_PUBLIC_URL`): links in messages, Secure cookies. */
  publicUrl?: string
  /** Notifier channels (default: `loadNotifyConfig()` from INLOOP_NOTIFY_CONFIG and INLOOP_SMTP_* / INLOOP_WEBHOOK_*). */
  notify?: NotifyConfig
  /** Channel implementations to use instead of the configured ones (tests). */
  notifyChannels?: NotifyChannel[]
  designerDir?: string
  /** The engine's clock (default: the system clock). Tests pass one they move by hand. */
  clock?: Clock
  /** Folder of custom node types (default `INLOOP_NODE_TYPES` or `node-types/custom/`). */
  nodeTypesDir?: string
  /** Watch the node-type folders and reload changed files (`inloop serve --dev`). */
  dev?: boolean
}

export interface RunningServer {
  url: string
  port: number
  engine: Engine
  store: Store
  hub: StreamHub
  /** Custom node types: problems, origins, and the registry the engine runs. */
  nodeTypes: NodeTypeCatalog
  /** Users, sessions and API keys. */
  auth: Auth
  /** Set on a first start: the admin just created (and its generated password, to show once). */
  firstAdmin?: FirstAdmin
  notifier: Notifier
  /** The express app (to walk its routes, e.g. against the OpenAPI document). */
  app: Express
  close(): Promise<void>
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const log = createLogger()
  const databaseUrl = options.memory ? undefined : options.databaseUrl || process.env.INLOOP_DATABASE_URL || undefined
  const dataDir = options.memory || databaseUrl ? undefined : resolve(options.dataDir ?? process.env.INLOOP_DATA ?? './data')
  const store = await openStore({ databaseUrl, dataDir })
  // What the store noticed on opening (a stale lock taken over, leftovers of a crash) belongs in the log.
  for (const warning of (store as { warnings?: readonly string[] }).warnings ?? []) log.warn(warning)
  let scheduler: Scheduler | undefined
  let watcher: NodeTypeWatcher | undefined
  let notifier: Notifier | undefined
  let learning: Learning | undefined
  try {
    const hub = new StreamHub({ store, clock: options.clock })
    const publicUrl = options.publicUrl ?? (process.env.INLOOP_PUBLIC_URL || undefined)
    // Sessions run on the wall clock, not the engine's (a test moving runs through days keeps its sign-ins).
    const { auth, firstAdmin } = await setupAuth(
      store.auth,
      { apiKey: options.apiKey, adminPassword: options.adminPassword, passwordCost: options.passwordCost, sessionTtlMs: options.sessionTtlMs },
      log,
    )
    const groupEmails = async (group: string) =>
      (await auth.users.list()).flatMap((u) => (!u.disabled && u.email && u.roles.includes('reviewer') && u.groups.includes(group) ? [u.email] : []))
    notifier = createNotifier(options.notify ?? loadNotifyConfig(), { log, publicUrl, groupEmails, channels: options.notifyChannels })
    const dirs = nodeTypeDirs({ dir: options.nodeTypesDir, examples: options.examples !== false })
    const nodeTypes = await loadNodeTypes({ dirs, log })
    const secret = store.linkSecret && !process.env.INLOOP_SECRET ? await store.linkSecret() : loadSecret(dataDir)
    const credentials = createCredentials(store.auth, createSecretBox(secret), { now: () => new Date() })
    const { engine, registry } = composeEngine({
      store,
      secret,
      credentials: { get: (name) => credentials.open(name) },
      log,
      clock: options.clock,
      registry: nodeTypes.registry,
      channelsFor: notifier.channelsFor,
      aiProviders: options.aiProviders,
      onCommit: (state, events) => {
        hub.publish(state, events)
        learning?.observe(state, events)
        notifier?.committed(events)
        if (events.some((e) => e.type === 'timer.scheduled')) scheduler?.poke()
      },
    })
    learning = createLearning(engine)
    const samples = options.examples === false ? new Map() : await loadExamples(join(PROJECT_ROOT, 'examples'), store, registry, log)
    const app = createApp(
      { engine, store, registry, hub, log, version: VERSION, auth, credentials, publicUrl, samples, nodeTypes, learning },
      { designerDir: options.designerDir ?? join(PROJECT_ROOT, 'designer', 'dist') },
    )
    if (options.dev) {
      watcher = await watchNodeTypes(nodeTypes, {
        dirs,
        log,
        onChange: (change) => {
          // Flow versions compiled against the old definitions compile again on next use.
          engine.invalidateCompiled()
          hub.broadcast('node-types', change)
        },
      })
    }
    const server = createServer(app)
    server.keepAliveTimeout = 65_000
    await listen(server, options.port ?? Number(process.env.PORT ?? 3000), options.host ?? process.env.HOST ?? '127.0.0.1')
    // Only once listening: a server that fails to start leaves no scheduler behind firing timers.
    scheduler = startScheduler(engine)
    notifier.start(engine)
    const { port, address } = server.address() as AddressInfo
    const host = address.includes(':') ? `[${address}]` : address
    return {
      url: `http://${host}:${port}`,
      port,
      engine,
      store,
      hub,
      nodeTypes,
      auth,
      firstAdmin,
      notifier,
      app,
      async close() {
        watcher?.close()
        await scheduler?.stop()
        await notifier?.stop()
        server.closeAllConnections()
        await new Promise<void>((done) => server.close(() => done()))
        await store.close()
      },
    }
  } catch (error) {
    watcher?.close()
    await notifier?.stop()
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
