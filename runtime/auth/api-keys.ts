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

const publicKey = (k: ApiKeyRecord): PublicApiKey => ({ id: k.id, name: k.name, roles: k.roles.filter(isRole), groups: k.groups, createdAt: k.createdAt, createdBy: k.createdBy })

export function createApiKeys(store: AuthStore, options: { now: () => Date; envKey?: string }) {
  const { apiKeys } = store
  const envHash = options.envKey ? Buffer.from(sha256(options.envKey), 'hex') : undefined
  let byHash = new Map<string, ApiKeyRecord>()
  const reindex = () => (byHash = new Map(apiKeys.all().map((k) => [k.hash, k])))
  reindex()

  return {
    list: (): PublicApiKey[] => apiKeys.all().map(publicKey).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),

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
      reindex()
      return { key, apiKey: publicKey(record) }
    },

    async remove(id: string): Promise<void> {
      if (!(await apiKeys.delete(id))) throw new HttpError(404, 'KEY_NOT_FOUND', `there is no API key '${id}'`)
      reindex()
    },

    /** The principal a bearer key stands for, or undefined. */
    resolve(bearer: string): Principal | undefined {
      const hash = sha256(bearer)
      if (envHash && timingSafeEqual(Buffer.from(hash, 'hex'), envHash)) {
        return { username: 'key:env', name: 'INLOOP_API_KEY', roles: ['admin'], groups: [], via: 'api-key', keyId: 'env' }
      }
      // The map is keyed by a hash of a 256-bit secret: a lookup leaks nothing worth timing.
      const record = byHash.get(hash)
      if (!record) return undefined
      return { username: `key:${record.name}`, name: record.name, roles: record.roles.filter(isRole), groups: record.groups, via: 'api-key', keyId: record.id }
    },
  }
}
