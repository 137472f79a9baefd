/**
 * `inloop <command>`: validate a flow file, run one, or serve the designer
 * and API. Returns the exit code instead of exiting, so tests can call it.
 */
import { migrateCommand } from './migrate.js'
import { newNodeTypeCommand } from './new-node-type.js'
import { runCommand } from './run.js'
import { serveCommand } from './serve.js'
import { usersCommand } from './users.js'
import { validateCommand } from './validate.js'

const USAGE = `Usage: inloop <command>

Commands:
  validate <flow.json>                 check a flow file; exit 1 with every problem
  run <flow.json> --input <json|@file> run a flow once in memory; prints status and output,
                                       or what it waits on
  serve [--port N] [--host H] [--data DIR] [--memory]
                                       serve the designer and the API (default 127.0.0.1:3000)
        [--dev] [--node-types DIR]     --dev reloads node type files when they change;
                                       with INLOOP_DATABASE_URL set, on PostgreSQL instead
  migrate [--database URL]             bring the PostgreSQL schema up to date (serve does it too)
  new-node-type <name> [--dir DIR]     scaffold node-types/custom/<name>.ts and its test
  users add <name> --role R [--group G]  add a person to the data folder (server stopped);
  users list | users password <name>     also list people, or set a new password
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
      case 'migrate':
        return await migrateCommand(rest, io)
      case 'users':
        return await usersCommand(rest, io)
      case 'new-node-type':
        return await newNodeTypeCommand(rest, io)
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
