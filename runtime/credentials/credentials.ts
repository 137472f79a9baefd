/**
 * The credential store admins manage: create, list (metadata only), replace
 * the secret, delete — and, for the runtime only, open one by name. The
 * secret is sealed before it reaches the store port and opened only when a
 * node uses it; no answer of this module but `open` carries it.
 *
 * @example
 * const credentials = createCredentials(store.auth, createSecretBox(secret), { now: () => new Date() })
 * await credentials.create({ name: 'crm', secret: { kind: 'bearer', token: 's3cret' } }, 'ann')
 * await credentials.list() // [{ name: 'crm', kind: 'bearer', createdBy: 'ann', … }] — no token
 * await credentials.open('crm') // { kind: 'bearer', token: 's3cret' }
 */
import type { CredentialInfo, CredentialSecret } from '../../node-types/api/credentials.js'
import { credentialSecretSchema } from '../../node-types/api/credentials.js'
import type { Credential } from '../../node-types/sdk/types.js'
import { HttpError } from '../http/errors.js'
import type { AuthStore, CredentialRecord } from '../store/auth-store.js'
import type { SecretBox } from './cipher.js'

export type Credentials = ReturnType<typeof createCredentials>

/** Thrown when a node asks for a credential nobody stored. */
export class CredentialNotFound extends Error {
  readonly code = 'CREDENTIAL_NOT_FOUND'
  constructor(name: string) {
    super(`there is no stored credential '${name}'; an admin adds it under Credentials (POST /api/credentials)`)
  }
}

const info = (r: CredentialRecord): CredentialInfo => ({
  name: r.name,
  kind: r.kind,
  ...(r.description ? { description: r.description } : {}),
  createdAt: r.createdAt,
  createdBy: r.createdBy,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
})

export function createCredentials(store: Pick<AuthStore, 'credentials'>, box: SecretBox, options: { now: () => Date }) {
  const { credentials } = store
  const sealed = (name: string, secret: CredentialSecret) => box.seal(name, JSON.stringify(secret))

  return {
    list: async (): Promise<CredentialInfo[]> => (await credentials.all()).map(info).sort((a, b) => a.name.localeCompare(b.name)),

    async get(name: string): Promise<CredentialInfo> {
      const record = await credentials.get(name)
      if (!record) throw new HttpError(404, 'CREDENTIAL_NOT_FOUND', `there is no credential '${name}'`)
      return info(record)
    },

    async create(input: { name: string; description?: string; secret: CredentialSecret }, by: string): Promise<CredentialInfo> {
      if (await credentials.get(input.name)) {
        throw new HttpError(409, 'CREDENTIAL_EXISTS', `a credential '${input.name}' exists already; replace its secret with PUT /api/credentials/${input.name}`)
      }
      const at = options.now().toISOString()
      const record: CredentialRecord = {
        name: input.name,
        kind: input.secret.kind,
        ...(input.description ? { description: input.description } : {}),
        sealed: sealed(input.name, input.secret),
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
      }
      await credentials.put(record)
      return info(record)
    },

    /** A new secret under the same name (rotation); the kind may change. */
    async replace(name: string, input: { description?: string; secret: CredentialSecret }, by: string): Promise<CredentialInfo> {
      const old = await credentials.get(name)
      if (!old) throw new HttpError(404, 'CREDENTIAL_NOT_FOUND', `there is no credential '${name}'; create it with POST /api/credentials`)
      const description = input.description ?? old.description
      const record: CredentialRecord = {
        ...old,
        kind: input.secret.kind,
        ...(description ? { description } : {}),
        sealed: sealed(name, input.secret),
        updatedAt: options.now().toISOString(),
        updatedBy: by,
      }
      await credentials.put(record)
      return info(record)
    },

    async remove(name: string): Promise<void> {
      if (!(await credentials.delete(name))) throw new HttpError(404, 'CREDENTIAL_NOT_FOUND', `there is no credential '${name}'`)
    },

    /** The secret itself, for the runtime's edges (HTTP auth, ctx.credentials, webhook signatures). Read from the store each time: a rotation takes effect at once. */
    async open(name: string): Promise<Credential> {
      const record = await credentials.get(name)
      if (!record) throw new CredentialNotFound(name)
      return credentialSecretSchema.parse(JSON.parse(box.open(name, record.sealed)))
    },
  }
}
