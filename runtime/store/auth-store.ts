/**
 * The people half of the data: users, sign-in sessions, API keys and the
 * credentials admins store for node types. Each
 * collection is small (people, not runs), held in memory and written
 * through record by record — a Map in the memory store, one durable file per
 * record in the lowdb store — so a login costs one small write however many
 * users there are. Secrets are never stored: passwords as scrypt hashes,
 * session ids and API keys as SHA-256 hashes.
 */

export interface UserRecord {
  /** Lowercase; what the run log records as `by`. */
  username: string
  name: string
  email?: string
  /** `admin`, `designer`, `owner`, `reviewer`. */
  roles: string[]
  /** Reviewer groups, e.g. `credit-officer`; a task's role names one. */
  groups: string[]
  /** `scrypt$…` (see runtime/auth/password.ts); absent: cannot sign in with a password. */
  passwordHash?: string
  disabled?: boolean
  createdAt: string
  updatedAt: string
}

export interface SessionRecord {
  /** SHA-256 of the cookie's value: a copy of the data folder opens no session. */
  id: string
  username: string
  createdAt: string
  expiresAt: string
}

export interface ApiKeyRecord {
  id: string
  name: string
  /** SHA-256 of the whole key. */
  hash: string
  roles: string[]
  groups: string[]
  createdAt: string
  createdBy: string
}

/**
 * A stored credential (see runtime/credentials). `sealed` is the secret,
 * AES-256-GCM encrypted with a key derived from the server secret and bound
 * to `name`; nothing else in the record is secret.
 */
export interface CredentialRecord {
  name: string
  kind: 'api-key' | 'bearer' | 'basic' | 'hmac'
  description?: string
  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  sealed: string
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
}

/**
 * One collection of records by key. Reads are async: in the PostgreSQL store
 * they go to the database every time, so a session revoked by one process is
 * refused by every other at once.
 */
export interface RecordCollection<T> {
  all(): Promise<T[]>
  get(key: string): Promise<T | undefined>
  put(record: T): Promise<void>
  delete(key: string): Promise<boolean>
}

export interface AuthStore {
  users: RecordCollection<UserRecord>
  sessions: RecordCollection<SessionRecord>
  apiKeys: RecordCollection<ApiKeyRecord>
  /** Named secrets for node types, by name. */
  credentials: RecordCollection<CredentialRecord>
}

/** Where a collection's records go: nowhere (memory) or files. */
export interface RecordPersistence<T> {
  write(key: string, record: T): Promise<void>
  remove(key: string): Promise<void>
}

/** A write-through collection held in memory over `initial` records (memory and lowdb); writes run one at a time. */
export function recordCollection<T>(keyOf: (record: T) => string, initial: T[], persistence?: RecordPersistence<T>): RecordCollection<T> {
  const records = new Map(initial.map((r) => [keyOf(r), r]))
  let queue: Promise<unknown> = Promise.resolve()
  const exclusive = (fn: () => Promise<void>): Promise<void> => {
    const run = queue.then(fn)
    queue = run.catch(() => undefined)
    return run
  }
  return {
    all: async () => [...records.values()].map((r) => structuredClone(r)),
    get: async (key) => {
      const r = records.get(key)
      return r && structuredClone(r)
    },
    put: (record) =>
      exclusive(async () => {
        const copy = structuredClone(record)
        await persistence?.write(keyOf(copy), copy)
        records.set(keyOf(copy), copy)
      }),
    delete: async (key) => {
      if (!records.has(key)) return false
      await exclusive(async () => {
        await persistence?.remove(key)
        records.delete(key)
      })
      return true
    },
  }
}

/** Users, sessions and keys in memory only (tests, `--memory`). */
export function createMemoryAuthStore(): AuthStore {
  return {
    users: recordCollection((u: UserRecord) => u.username, []),
    sessions: recordCollection((s: SessionRecord) => s.id, []),
    apiKeys: recordCollection((k: ApiKeyRecord) => k.id, []),
    credentials: recordCollection((c: CredentialRecord) => c.name, []),
  }
}
