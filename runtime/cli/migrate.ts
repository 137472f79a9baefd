/**
 * `inloop migrate`: bring the PostgreSQL schema of INLOOP_DATABASE_URL (or
 * `--database URL`) to this version of Inloop, and nothing else. `inloop
 * serve` does the same at start, under the same lock, so this is for
 * deployments that migrate as a separate step.
 */
import { parseArgs } from 'node:util'
import { connect, describeTarget, migrate } from '../store/postgres/index.js'
import type { Io } from './main.js'

export async function migrateCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { database: { type: 'string' } } })
  const url = values.database ?? process.env.INLOOP_DATABASE_URL
  if (!url) {
    io.err('inloop migrate: no database given: set INLOOP_DATABASE_URL=postgres://user:password@host:5432/database or pass --database URL')
    return 2
  }
  const t = describeTarget(url)
  const sql = await connect(url, { max: 1 })
  try {
    const { applied, version } = await migrate(sql)
    io.out(
      applied.length > 0
        ? `Migrated database "${t.database}" on ${t.host}:${t.port} to schema version ${version} (applied ${applied.join(', ')}).`
        : `Database "${t.database}" on ${t.host}:${t.port} is already at schema version ${version}.`,
    )
    return 0
  } finally {
    await sql.end({ timeout: 5 })
  }
}
