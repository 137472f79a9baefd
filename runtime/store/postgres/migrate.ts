/**
 * Numbered migrations (`migrations/NNN_name.sql`), applied in order inside
 * one transaction under an advisory lock: of N processes starting together,
 * one migrates and the others wait, then find nothing left to do. A
 * database whose schema is newer than this code is refused, since this code
 * would write rows the newer schema does not expect.
 */
import { readdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DatabaseConfigError, type Sql } from './connect.js'

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations')
/** Any constant; every Inloop process takes the same lock. */
const LOCK_KEY = 7_210_343_101

export interface Migration {
  version: number
  name: string
  sql: string
}

export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f)).sort()
  const out: Migration[] = []
  for (const [i, file] of files.entries()) {
    const version = Number(file.slice(0, 3))
    if (version !== i + 1) throw new Error(`migration ${file} is out of sequence: expected number ${String(i + 1).padStart(3, '0')}`)
    out.push({ version, name: file.replace(/\.sql$/, ''), sql: await readFile(join(dir, file), 'utf8') })
  }
  return out
}

export interface MigrateResult {
  /** Versions applied by this call (empty: the schema was current). */
  applied: string[]
  version: number
}

/** Bring the schema to this code's version; throws DatabaseConfigError when the database is newer. */
export async function migrate(sql: Sql, migrations?: Migration[]): Promise<MigrateResult> {
  const known = migrations ?? (await loadMigrations())
  const latest = known.at(-1)?.version ?? 0
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${LOCK_KEY})`
    await tx`create table if not exists inloop_schema (version integer primary key, name text not null, applied_at timestamptz not null default now())`
    const [{ current }] = await tx<{ current: number | null }[]>`select max(version) as current from inloop_schema`
    const at = current ?? 0
    if (at > latest) {
      throw new DatabaseConfigError(
        `the database's schema is version ${at} but this Inloop knows only up to ${latest}: run the newer Inloop that migrated it, or point INLOOP_DATABASE_URL at another database`,
      )
    }
    const applied: string[] = []
    for (const m of known.filter((m) => m.version > at)) {
      await tx.unsafe(m.sql)
      await tx`insert into inloop_schema (version, name) values (${m.version}, ${m.name})`
      applied.push(m.name)
    }
    return { applied, version: latest }
  }) as Promise<MigrateResult>
}
