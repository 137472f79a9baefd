/** The request headers a credential adds, applied by the HTTP client at the edge so node types never hold the secret. */
import type { Credential } from '../../node-types/sdk/types.js'

export function authHeaders(credential: Credential, name: string): Record<string, string> {
  switch (credential.kind) {
    case 'api-key':
      return { [credential.header]: credential.key }
    case 'bearer':
      return { authorization: `Bearer ${credential.token}` }
    case 'basic':
      return { authorization: `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}` }
    case 'hmac':
      throw Object.assign(new Error(`the credential '${name}' is an HMAC key: it signs webhooks and cannot authenticate an HTTP request by itself`), {
        code: 'CREDENTIAL_KIND',
      })
  }
}
