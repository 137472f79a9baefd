/**
 * `inloop users …`: manage people in a data folder while the server is
 * stopped (it holds the folder's lock; with the server running, use the
 * API: POST /api/users as an admin).
 *
 *   inloop users add rita --role reviewer --group credit-officer [--name "Rita R."] [--email …] [--password …]
 *   inloop users list
 *   inloop users password rita [--password …]   (a new password; generated and printed if not given)
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createAuth } from '../auth/auth.js'
import { isRole, type Role } from '../auth/roles.js'
import { generatePassword } from '../auth/secrets.js'
import { openLowdbStore } from '../store/lowdb/index.js'
import type { Io } from './main.js'

export async function usersCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      data: { type: 'string' },
      role: { type: 'string', multiple: true },
      group: { type: 'string', multiple: true },
      name: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
    },
  })
  const [action, username] = positionals
  if (!['add', 'list', 'password'].includes(action ?? '') || (action !== 'list' && !username)) {
    io.err('usage: inloop users add <username> --role <role> [--group <group>]… | users list | users password <username> [--data DIR]')
    return 2
  }
  const roles = (values.role ?? ['reviewer']).flatMap((r) => r.split(','))
  const bad = roles.filter((r) => !isRole(r))
  if (bad.length > 0) {
    io.err(`unknown role ${bad.join(', ')}; choose from admin, designer, owner, reviewer`)
    return 2
  }
  const dir = resolve(values.data ?? process.env.INLOOP_DATA ?? './data')
  const store = await openLowdbStore(dir)
  try {
    const auth = createAuth(store.auth)
    if (action === 'list') {
      for (const u of await auth.users.list()) io.out(`${u.username}\t${u.roles.join(',')}\t${u.groups.join(',')}${u.disabled ? '\t(disabled)' : ''}`)
      return 0
    }
    const password = values.password ?? generatePassword()
    if (action === 'add') {
      const groups = (values.group ?? []).flatMap((g) => g.split(','))
      await auth.users.create({ username, roles: roles as Role[], groups, password, name: values.name, email: values.email })
      io.out(`added ${username} (${roles.join(', ')}${groups.length ? `; groups ${groups.join(', ')}` : ''})`)
    } else {
      await auth.users.update(username, { password })
      io.out(`set a new password for ${username}; their sessions have ended`)
    }
    if (!values.password) io.out(`password: ${password}   (shown once; sign in at /login and change it)`)
    return 0
  } finally {
    await store.close()
  }
}
