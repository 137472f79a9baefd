/**
 * Who may do what. Four roles and any number of reviewer groups:
 * - `admin` — everything, including users and API keys;
 * - `designer` — builds flows, publishes, starts and test-runs them, reads runs;
 *   decides tasks of test runs only;
 * - `owner` — a business owner: parameters, metrics, runs and the audit trail;
 * - `reviewer` — sees and decides the tasks of its groups (`credit-officer`, `legal`).
 */
import { NAME_PATTERN, ROLES, type Role } from '../../node-types/api/people.js'

export { NAME_PATTERN, ROLES, type Role }

/** Who is calling: a signed-in person, or a machine with an API key. */
export interface Principal {
  /** The name the run log records (`by`); `key:<name>` for an API key acting as itself. */
  username: string
  name: string
  roles: Role[]
  groups: string[]
  via: 'session' | 'api-key'
  /** The API key used, when `via` is `api-key`. */
  keyId?: string
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/** True when the principal has one of `roles`; an admin has every role. */
export function hasRole(p: Principal, ...roles: Role[]): boolean {
  return p.roles.includes('admin') || roles.some((r) => p.roles.includes(r))
}

/** True when the principal may work tasks of `group`: a reviewer in it, or an admin. */
export function inGroup(p: Principal, group: string): boolean {
  return p.roles.includes('admin') || (p.roles.includes('reviewer') && p.groups.includes(group))
}
