/**
 * Stored credentials: `/api/credentials`. An admin creates or replaces one
 * with its secret; every answer afterwards carries only its metadata — the
 * secret never leaves the server again.
 */
import { z } from 'zod'
import { defineRoute } from './route.js'

export const CREDENTIAL_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/

export const credentialNameSchema = z
  .string()
  .regex(CREDENTIAL_NAME, 'lowercase letters, digits and . _ -, starting with a letter or digit, at most 64 characters')

/** An HTTP header name (RFC 9110 token). */
const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/, 'an HTTP header name such as X-API-Key')

export const CREDENTIAL_KINDS = ['api-key', 'bearer', 'basic', 'hmac'] as const

/** The secret part, by kind. `api-key` is sent in a header (default `X-API-Key`), `bearer` as `Authorization: Bearer`, `basic` as HTTP Basic; `hmac` signs (webhooks). */
export const credentialSecretSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api-key'), header: headerName.default('X-API-Key'), key: z.string().min(1).max(8192) }),
  z.object({ kind: z.literal('bearer'), token: z.string().min(1).max(8192) }),
  z.object({ kind: z.literal('basic'), username: z.string().min(1).max(200).regex(/^[^:]*$/, 'a user name cannot hold ":"'), password: z.string().max(1024) }),
  z.object({ kind: z.literal('hmac'), key: z.string().min(1).max(8192) }),
])

export type CredentialSecret = z.output<typeof credentialSecretSchema>

/** `POST /api/credentials`. */
export const createCredentialSchema = z.object({
  name: credentialNameSchema,
  description: z.string().max(500).optional(),
  secret: credentialSecretSchema,
})

/** `PUT /api/credentials/:name`: a new secret (rotation), and optionally a new description. */
export const replaceCredentialSchema = z.object({
  description: z.string().max(500).optional(),
  secret: credentialSecretSchema,
})

/** What every answer says about a credential: never the secret. */
export const credentialInfoSchema = z.object({
  name: z.string(),
  kind: z.enum(CREDENTIAL_KINDS),
  description: z.string().optional(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
})

export type CredentialInfo = z.infer<typeof credentialInfoSchema>

const byName = z.object({ name: credentialNameSchema })

export const credentialRoutes = {
  list: defineRoute({ method: 'get', path: '/credentials', tag: 'Credentials', summary: 'Every stored credential (never a secret)', responses: { 200: { description: 'Credentials', schema: z.array(credentialInfoSchema) } } }),
  get: defineRoute({ method: 'get', path: '/credentials/:name', tag: 'Credentials', summary: 'One credential (never its secret)', params: byName, responses: { 200: { description: 'The credential', schema: credentialInfoSchema } }, errors: [404] }),
  create: defineRoute({
    method: 'post',
    path: '/credentials',
    tag: 'Credentials',
    summary: 'Store a credential',
    body: createCredentialSchema,
    bodyExample: { name: 'crm', description: 'CRM API', secret: { kind: 'bearer', token: 's3cr3t' } },
    responses: { 201: { description: 'Stored', schema: credentialInfoSchema } },
    errors: [409],
  }),
  replace: defineRoute({ method: 'put', path: '/credentials/:name', tag: 'Credentials', summary: 'Replace the secret (rotation)', params: byName, body: replaceCredentialSchema, responses: { 200: { description: 'Replaced', schema: credentialInfoSchema } }, errors: [404] }),
  remove: defineRoute({ method: 'delete', path: '/credentials/:name', tag: 'Credentials', summary: 'Delete a credential', params: byName, responses: { 204: { description: 'Deleted' } }, errors: [404] }),
}
