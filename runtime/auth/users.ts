/**
 * User accounts: create, change, disable, remove, check a password. The
 * last active admin can be neither removed, disabled nor demoted, so the
 * system never locks itself out.
 */
import type { AuthStore, UserRecord } from '../store/auth-store.js'
import { HttpError } from '../http/errors.js'
import { hashPassword, verifyPassword } from './password.js'
import { NAME_PATTERN, isRole, type Role } from './roles.js'

export interface NewUser {
  username: string
  name?: string
  email?: string
  roles: Role[]
  groups?: string[]
  password: string
}

export interface UserPatch {
  name?: string
  email?: string | null
  roles?: Role[]
  groups?: string[]
  disabled?: boolean
  password?: string
}

/** What the API shows of a user: never the hash. */
export interface PublicUser {
  username: string
  name: string
  email?: string
  roles: Role[]
  groups: string[]
  disabled: boolean
  createdAt: string
  updatedAt: string
}

export { MIN_PASSWORD } from '../../node-types/api/people.js'
import { MIN_PASSWORD } from '../../node-types/api/people.js'

export function publicUser(u: UserRecord): PublicUser {
  return {
    username: u.username,
    name: u.name,
    ...(u.email ? { email: u.email } : {}),
    roles: u.roles.filter(isRole),
    groups: [...u.groups],
    disabled: u.disabled === true,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  }
}

export type UserAdmin = ReturnType<typeof createUserAdmin>

export function createUserAdmin(store: AuthStore, options: { now: () => Date; passwordCost: number; onRevoke: (username: string) => Promise<void> }) {
  const { users } = store
  const stamp = () => options.now().toISOString()
  // Checked against when the user is unknown, so a wrong name costs as long as a wrong password.
  let decoy: Promise<string> | undefined

  function checkPassword(password: string): void {
    if (password.length < MIN_PASSWORD) throw new HttpError(422, 'PASSWORD_TOO_SHORT', `a password needs at least ${MIN_PASSWORD} characters`)
  }

  async function activeAdmins(except?: string): Promise<number> {
    return (await users.all()).filter((u) => u.username !== except && !u.disabled && u.roles.includes('admin')).length
  }

  async function must(username: string): Promise<UserRecord> {
    const user = await users.get(username)
    if (!user) throw new HttpError(404, 'USER_NOT_FOUND', `there is no user '${username}'`)
    return user
  }

  return {
    list: async (): Promise<PublicUser[]> => (await users.all()).map(publicUser).sort((a, b) => a.username.localeCompare(b.username)),
    get: (username: string): Promise<UserRecord | undefined> => users.get(username),
    count: async (): Promise<number> => (await users.all()).length,

    async create(input: NewUser): Promise<PublicUser> {
      const username = input.username.toLowerCase()
      if (!NAME_PATTERN.test(username)) throw new HttpError(422, 'USERNAME_INVALID', 'a username is lowercase letters, digits and . _ @ -, starting with a letter or digit')
      if (await users.get(username)) throw new HttpError(409, 'USER_EXISTS', `user '${username}' already exists`)
      checkPassword(input.password)
      const at = stamp()
      const record: UserRecord = {
        username,
        name: input.name?.trim() || username,
        ...(input.email ? { email: input.email } : {}),
        roles: [...new Set(input.roles)],
        groups: [...new Set(input.groups ?? [])],
        passwordHash: await hashPassword(input.password, options.passwordCost),
        createdAt: at,
        updatedAt: at,
      }
      await users.put(record)
      return publicUser(record)
    },

    async update(username: string, patch: UserPatch): Promise<PublicUser> {
      const user = await must(username)
      const losesAdmin = (patch.roles !== undefined && !patch.roles.includes('admin')) || patch.disabled === true
      if (user.roles.includes('admin') && !user.disabled && losesAdmin && (await activeAdmins(username)) === 0) {
        throw new HttpError(409, 'LAST_ADMIN', `${username} is the last active admin; make someone else admin first`)
      }
      const next: UserRecord = { ...user, updatedAt: stamp() }
      if (patch.name !== undefined) next.name = patch.name.trim() || username
      if (patch.email === null) delete next.email
      else if (patch.email !== undefined) next.email = patch.email
      if (patch.roles !== undefined) next.roles = [...new Set(patch.roles)]
      if (patch.groups !== undefined) next.groups = [...new Set(patch.groups)]
      if (patch.disabled !== undefined) next.disabled = patch.disabled
      if (patch.password !== undefined) {
        checkPassword(patch.password)
        next.passwordHash = await hashPassword(patch.password, options.passwordCost)
      }
      await users.put(next)
      // A new password or a disabled account ends every session it had.
      if (patch.password !== undefined || patch.disabled === true) await options.onRevoke(username)
      return publicUser(next)
    },

    async remove(username: string): Promise<void> {
      const user = await must(username)
      if (user.roles.includes('admin') && !user.disabled && (await activeAdmins(username)) === 0) {
        throw new HttpError(409, 'LAST_ADMIN', `${username} is the last active admin; make someone else admin first`)
      }
      await users.delete(username)
      await options.onRevoke(username)
    },

    /** The user if the password is right and the account active; otherwise undefined, after the same work. */
    async verify(username: string, password: string): Promise<UserRecord | undefined> {
      const user = await users.get(username.toLowerCase())
      if (!user?.passwordHash) {
        decoy ??= hashPassword('decoy-password', options.passwordCost)
        await verifyPassword(password, await decoy)
        return undefined
      }
      const ok = await verifyPassword(password, user.passwordHash)
      return ok && !user.disabled ? user : undefined
    },
  }
}
