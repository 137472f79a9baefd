/**
 * Starting on PostgreSQL: migrations run once however many processes start
 * together, `inloop migrate` does it alone, a schema newer than the code is
 * refused, and bad configuration gives one clear line and a non-zero exit.
 */
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../../../../runtime/cli/main.js'
import { connect, loadMigrations, migrate, openPostgresStore } from '../../../../runtime/store/postgres/index.js'
import { spawnInloop } from '../../../helpers/child-server.js'
import { createTestDatabase, dropTestDatabases, withDatabase } from '../../../helpers/pg-database.js'
import { tempDir, removeTempDirs } from '../fixtures/temp-dir.js'

let url: string
beforeAll(async () => {
  url = await createTestDatabase('pg-start')
})
afterAll(async () => {
  await dropTestDatabases()
  await removeTempDirs()
})

function captureIo() {
  const out: string[] = []
  const err: string[] = []
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err }
}

describe('starting on PostgreSQL', () => {
  it('migrates once when several processes start together, then finds nothing to do', async () => {
    const fresh = await createTestDatabase('pg-start-race')
    const pools = await Promise.all([1, 2, 3, 4].map(() => connect(fresh, { max: 1 })))
    try {
      const results = await Promise.all(pools.map((sql) => migrate(sql)))
      const latest = (await loadMigrations()).length
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1)
      expect(results.every((r) => r.version === latest)).toBe(true)
      const rows = await pools[0]`select version from inloop_schema order by version`
      expect(rows.map((r) => r.version)).toEqual(Array.from({ length: latest }, (_, i) => i + 1))
    } finally {
      await Promise.all(pools.map((sql) => sql.end()))
    }
  })

  it('`inloop migrate` applies the migrations, and says so; a second call finds the schema current', async () => {
    const first = captureIo()
    expect(await main(['migrate', '--database', url], first.io)).toBe(0)
    expect(first.out.join('\n')).toMatch(/^Migrated database "inloop_pg_start_\d+" on \S+ to schema version \d+ \(applied 001_initial/)
    const second = captureIo()
    expect(await main(['migrate', '--database', url], second.io)).toBe(0)
    expect(second.out.join('\n')).toMatch(/is already at schema version/)
  })

  it('refuses a database whose schema is newer than this code, saying what to do', async () => {
    const newer = await createTestDatabase('pg-start-newer')
    const sql = postgres(newer, { max: 1, onnotice: () => undefined })
    try {
      await migrate(sql)
      await sql`insert into inloop_schema (version, name) values (999, '999_future')`
    } finally {
      await sql.end()
    }
    await expect(openPostgresStore(newer)).rejects.toThrow(/schema is version 999 but this Inloop knows only up to \d+: run the newer Inloop/)
  })

  it('refuses to run `inloop migrate` without a database, naming the variable', async () => {
    const { io, err } = captureIo()
    const saved = process.env.INLOOP_DATABASE_URL
    delete process.env.INLOOP_DATABASE_URL
    try {
      expect(await main(['migrate'], io)).toBe(2)
    } finally {
      if (saved !== undefined) process.env.INLOOP_DATABASE_URL = saved
    }
    expect(err.join('\n')).toMatch(/set INLOOP_DATABASE_URL/)
  })
})

describe('`inloop serve` with bad database configuration', () => {
  const base = new URL(process.env.INLOOP_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test')
  const cases: [string, () => string, RegExp][] = [
    ['an unreachable server', () => 'postgres://postgres@127.0.0.1:1/inloop', /cannot reach PostgreSQL for database "inloop" on 127\.0\.0\.1:1 .*start the server or fix the host and port in INLOOP_DATABASE_URL/],
    ['a missing database', () => withDatabase(base.toString(), 'inloop_no_such_db'), /database "inloop_no_such_db" on .* does not exist: create it \(createdb .*\) or fix the name in INLOOP_DATABASE_URL/],
    [
      'a user the server refuses',
      () => {
        const u = new URL(base)
        u.username = 'nobody_here'
        u.password = 'wrong'
        return u.toString()
      },
      /PostgreSQL refused user "nobody_here" for database .* fix the user and password in INLOOP_DATABASE_URL/,
    ],
  ]
  it.each(cases)('exits non-zero with one clear line for %s', async (_name, databaseUrl, message) => {
    const child = spawnInloop({ dataDir: await tempDir(), env: { INLOOP_DATABASE_URL: databaseUrl() } })
    const { code } = await child.exited
    expect(code).not.toBe(0)
    const lines = child.output().trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^inloop serve: /)
    expect(lines[0]).toMatch(message)
  })
})
