/**
 * API keys for machines: `ilk_<id>_<secret>`, shown once when made; the store
 * keeps the SHA-256 of the whole key. `INLOOP_API_KEY` from the environment
 * is one more key, with the admin role.
 */
import { timingSafeEqual } from 'node:crypto'
import type { ApiKeyRecord, AuthStore } from '../store/auth-store.js'
import { HttpError } from '../http/errors.js'
import type { Principal, Role } from './roles.js'
import { isRole } from './roles.js'
import { randomToken, sha256 } from './secrets.js'

export interface PublicApiKey {
  id: string
  name: string
  roles: Role[]
  groups: string[]
  createdAt: string
  createdBy: string
}

export type ApiKeys = ReturnType<typeof createApiKeys>

/** `ilk_<id>_<secret>`: the id (no `_` in it) finds the record, the hash of the whole key must match. */
const KEY_FORMAT = /^ilk_([a-z0-9]{1,40})_[A-Za-z0-9_-]{20,100}$/

const publicKey = (k: ApiKeyRecord): PublicApiKey => ({ id: k.id, name: k.name, roles: k.roles.filter(isRole), groups: k.groups, createdAt: k.createdAt, createdBy: k.createdBy })

export function createApiKeys(store: AuthStore, options: { now: () => Date; envKey?: string }) {
  const { apiKeys } = store
  const envHash = options.envKey ? Buffer.from(sha256(options.envKey), 'hex') : undefined

  return {
    list: async (): Promise<PublicApiKey[]> => (await apiKeys.all()).map(publicKey).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),

    async create(input: { name: string; roles: Role[]; groups?: string[] }, by: string): Promise<{ key: string; apiKey: PublicApiKey }> {
      const id = randomToken(9).replace(/[-_]/g, 'x').toLowerCase()
      const key = `ilk_${id}_${randomToken()}`
      const record: ApiKeyRecord = {
        id,
        name: input.name,
        hash: sha256(key),
        roles: [...new Set(input.roles)],
        groups: [...new Set(input.groups ?? [])],
        createdAt: options.now().toISOString(),
        createdBy: by,
      }
      await apiKeys.put(record)
      return { key, apiKey: publicKey(record) }
    },

    async remove(id: string): Promise<void> {
      if (!(await apiKeys.delete(id))) throw new HttpError(404, 'KEY_NOT_FOUND', `there is no API key '${id}'`)
    },

    /** The principal a bearer key stands for, or undefined. Read from the store each time: a key removed anywhere stops at once. */
    async resolve(bearer: string): Promise<Principal | undefined> {
      const hash = Buffer.from(sha256(bearer), 'hex')
      if (envHash && timingSafeEqual(hash, envHash)) {
        return { username: 'key:env', name: 'INLOOP_API_KEY', roles: ['admin'], groups: [], via: 'api-key', keyId: 'env' }
      }
      const id = KEY_FORMAT.exec(bearer)?.[1]
      const record = id === undefined ? undefined : await apiKeys.get(id)
      if (!record || !timingSafeEqual(hash, Buffer.from(record.hash, 'hex'))) return undefined
      return { username: `key:${record.name}`, name: record.name, roles: record.roles.filter(isRole), groups: record.groups, via: 'api-key', keyId: record.id }
    },
  }
}
