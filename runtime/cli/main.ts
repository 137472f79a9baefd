/**
 * `inloop <command>`: validate a flow file, run one, or serve the designer
 * and API. Returns the exit code instead of exiting, so tests can call it.
 */
import { runCommand } from './run.js'
import { serveCommand } from './serve.js'
import { validateCommand } from './validate.js'

const USAGE = `Usage: inloop <command>

Commands:
  validate <flow.json>                 check a flow file; exit 1 with every problem
  run <flow.json> --input <json|@file> run a flow once in memory; prints status and output,
                                       or what it waits on
  serve [--port N] [--host H] [--data DIR] [--memory]
                                       serve the designer and the API (default 127.0.0.1:3000)
  help                                 show this
`

export interface Io {
  out(text: string): void
  err(text: string): void
}

const stdio: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
}

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'validate':
        return await validateCommand(rest, io)
      case 'run':
        return await runCommand(rest, io)
      case 'serve':
        return await serveCommand(rest, io)
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE)
        return 0
      default:
        io.err(`inloop: unknown command '${command}'\n\n${USAGE}`)
        return 2
    }
  } catch (error) {
    io.err(`inloop ${command}: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  }
}
