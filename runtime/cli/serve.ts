/**
 * `inloop serve`: the designer and the API on one port, until SIGINT/SIGTERM.
 * `--dev` reloads node type files when they change.
 */
import { parseArgs } from 'node:util'
import { startServer } from '../server.js'
import type { Io } from './main.js'

export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      memory: { type: 'boolean', default: false },
      'no-examples': { type: 'boolean', default: false },
      'node-types': { type: 'string' },
      dev: { type: 'boolean', default: false },
    },
  })
  const server = await startServer({
    port: values.port !== undefined ? Number(values.port) : undefined,
    host: values.host,
    dataDir: values.data,
    memory: values.memory,
    examples: !values['no-examples'],
    nodeTypesDir: values['node-types'],
    dev: values.dev,
  })
  if (values.dev) io.out('Dev mode: node type files are reloaded when they change.')
  if (server.firstAdmin) {
    const { username, password } = server.firstAdmin
    io.out(
      password
        ? `First start: sign in at ${server.url}/login as '${username}' with the password ${password}\n  (shown only now; change it after signing in, or set INLOOP_ADMIN_PASSWORD before a first start)`
        : `First start: sign in at ${server.url}/login as '${username}' with the password from INLOOP_ADMIN_PASSWORD`,
    )
  }
  const where = (server.store as { where?: string }).where
  const data = values.memory ? 'in memory' : where ? `PostgreSQL ${where}` : (values.data ?? process.env.INLOOP_DATA ?? './data')
  io.out(`Inloop is running at ${server.url}  (API: ${server.url}/api, data: ${data})`)
  await new Promise<void>((done) => {
    const stop = () => done()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  io.out('Stopping…')
  await server.close()
  return 0
}
