/**
 * Users, sessions, API keys and credentials on PostgreSQL: read from the database every
 * time, so a session revoked or a user disabled by one process is refused
 * by every other at once.
 */
import type { ApiKeyRecord, AuthStore, CredentialRecord, RecordCollection, SessionRecord, UserRecord } from '../auth-store.js'
import type { Sql } from './connect.js'

type Table = 'users' | 'sessions' | 'api_keys' | 'credentials'

function pgCollection<T>(sql: Sql, table: Table, keyOf: (record: T) => string): RecordCollection<T> {
  const t = sql(table)
  return {
    async all() {
      return (await sql<{ record: T }[]>`select record from ${t} order by key`).map((r) => r.record)
    },
    async get(key) {
      const [r] = await sql<{ record: T }[]>`select record from ${t} where key = ${key}`
      return r?.record
    },
    async put(record) {
      await sql`insert into ${t} (key, record) values (${keyOf(record)}, ${JSON.stringify(record)}::text::json)
                on conflict (key) do update set record = excluded.record`
    },
    async delete(key) {
      const result = await sql`delete from ${t} where key = ${key}`
      return result.count > 0
    },
  }
}

export function createPgAuthStore(sql: Sql): AuthStore {
  return {
    users: pgCollection(sql, 'users', (u: UserRecord) => u.username),
    sessions: pgCollection(sql, 'sessions', (s: SessionRecord) => s.id),
    apiKeys: pgCollection(sql, 'api_keys', (k: ApiKeyRecord) => k.id),
    credentials: pgCollection(sql, 'credentials', (c: CredentialRecord) => c.name),
  }
}
