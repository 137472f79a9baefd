/** `inloop serve`: the designer and the API on one port, until SIGINT/SIGTERM. */
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
    },
  })
  const server = await startServer({
    port: values.port !== undefined ? Number(values.port) : undefined,
    host: values.host,
    dataDir: values.data,
    memory: values.memory,
    examples: !values['no-examples'],
  })
  io.out(`Inloop is running at ${server.url}  (API: ${server.url}/api, data: ${values.memory ? 'in memory' : (values.data ?? process.env.INLOOP_DATA ?? './data')})`)
  await new Promise<void>((done) => {
    const stop = () => done()
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
  })
  io.out('Stopping…')
  await server.close()
  return 0
}
