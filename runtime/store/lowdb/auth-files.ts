/**
 * The lowdb store's people data: `auth/users/<username>.json`,
 * `auth/sessions/<hash>.json`, `auth/keys/<id>.json` and
 * `auth/credentials/<name>.json` (secrets sealed), one durable file per
 * record, all read at open. Expired sessions are removed as they are found.
 */
import { mkdir, readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { recordCollection, type ApiKeyRecord, type AuthStore, type CredentialRecord, type RecordPersistence, type SessionRecord, type UserRecord } from '../auth-store.js'
import { TEMP_SUFFIX, fsyncDir, readJson, writeJson, type Check } from './durable-file.js'

export const AUTH_DIR = 'auth'

const SAFE_KEY = /^[a-z0-9][a-z0-9._@-]{0,199}$/

const isObject = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null && !Array.isArray(data)

function checkOf<T>(field: string, key: string): Check<T> {
  return (data) => (isObject(data) && data[field] === key ? (data as T) : `does not hold the record "${key}" its name promises`)
}

/** Open (creating if needed) `<dataDir>/auth` and load every record. */
export async function openAuthFiles(dataDir: string, now: () => Date, warn: (message: string) => void): Promise<AuthStore> {
  const root = join(dataDir, AUTH_DIR)
  const users = await openFolder<UserRecord>(join(root, 'users'), 'username', warn)
  const keys = await openFolder<ApiKeyRecord>(join(root, 'keys'), 'id', warn)
  const credentials = await openFolder<CredentialRecord>(join(root, 'credentials'), 'name', warn)
  const sessionFolder = await openFolder<SessionRecord>(join(root, 'sessions'), 'id', warn)
  const at = now().toISOString()
  const live = sessionFolder.records.filter((s) => s.expiresAt > at)
  for (const s of sessionFolder.records) if (s.expiresAt <= at) await sessionFolder.persistence.remove(s.id)
  await fsyncDir(dataDir)
  return {
    users: recordCollection((u) => u.username, users.records, users.persistence),
    sessions: recordCollection((s) => s.id, live, sessionFolder.persistence),
    apiKeys: recordCollection((k) => k.id, keys.records, keys.persistence),
    credentials: recordCollection((c) => c.name, credentials.records, credentials.persistence),
  }
}

async function openFolder<T>(dir: string, field: string, warn: (message: string) => void): Promise<{ records: T[]; persistence: RecordPersistence<T> }> {
  await mkdir(dir, { recursive: true })
  const records: T[] = []
  for (const name of (await readdir(dir)).sort()) {
    if (name.endsWith(TEMP_SUFFIX)) {
      await unlink(join(dir, name))
      warn(`removed an unfinished write left by a crash (never acknowledged): ${join(dir, name)}`)
      continue
    }
    if (!name.endsWith('.json')) continue
    const key = name.slice(0, -'.json'.length)
    const record = await readJson<T>(join(dir, name), checkOf<T>(field, key), `the ${field} record ${key}`)
    if (record) records.push(record)
  }
  const fileOf = (key: string): string => {
    if (!SAFE_KEY.test(key)) throw new Error(`'${key}' cannot name a record file`)
    return join(dir, `${key}.json`)
  }
  return {
    records,
    persistence: {
      write: (key, record) => writeJson(fileOf(key), record, true),
      async remove(key) {
        await unlink(fileOf(key)).catch((err: NodeJS.ErrnoException) => {
          if (err.code !== 'ENOENT') throw err
        })
        await fsyncDir(dir)
      },
    },
  }
}
