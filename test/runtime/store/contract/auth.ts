/** The store contract: people data — users, sessions and API keys — read and written through the store. */
import { describe, expect, it } from 'vitest'
import type { AppStore } from '../../../../runtime/store/open-store.js'
import type { UserRecord } from '../../../../runtime/store/auth-store.js'

const user = (username: string, roles = ['reviewer']): UserRecord => ({
  username,
  name: username.toUpperCase(),
  roles,
  groups: ['credit-officer'],
  passwordHash: 'scrypt$test',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
})

export function authContract(store: () => AppStore): void {
  describe('people', () => {
    it('stores users, replaces one on put, and deletes it', async () => {
      const { users } = store().auth
      await users.put(user('rita'))
      await users.put(user('ann', ['admin']))
      await users.put({ ...user('rita'), email: 'rita@example.com' })
      expect(await users.get('rita')).toMatchObject({ username: 'rita', email: 'rita@example.com', groups: ['credit-officer'] })
      expect((await users.all()).map((u) => u.username).sort()).toEqual(['ann', 'rita'])
      expect(await users.delete('rita')).toBe(true)
      expect(await users.delete('rita')).toBe(false)
      expect(await users.get('rita')).toBeUndefined()
    })

    it('hands out copies of records, so a caller changing one changes nothing stored', async () => {
      const { users } = store().auth
      await users.put(user('rita'))
      const read = (await users.get('rita'))!
      read.roles.push('admin')
      expect((await users.get('rita'))?.roles).toEqual(['reviewer'])
    })

    it('finds a session by its id and forgets it once deleted', async () => {
      const { sessions } = store().auth
      const session = { id: 'a'.repeat(64), username: 'rita', createdAt: '2025-01-01T00:00:00.000Z', expiresAt: '2999-01-01T00:00:00.000Z' }
      await sessions.put(session)
      expect(await sessions.get(session.id)).toEqual(session)
      expect(await sessions.get('b'.repeat(64))).toBeUndefined()
      await sessions.delete(session.id)
      expect(await sessions.get(session.id)).toBeUndefined()
    })

    it('keeps API keys by id with their hash', async () => {
      const { apiKeys } = store().auth
      const key = { id: 'k1', name: 'ci', hash: 'c'.repeat(64), roles: ['designer'], groups: [], createdAt: '2025-01-01T00:00:00.000Z', createdBy: 'ann' }
      await apiKeys.put(key)
      expect(await apiKeys.get('k1')).toEqual(key)
      expect(await apiKeys.all()).toEqual([key])
    })

    it('keeps credentials by name, sealed value and all, and deletes them', async () => {
      const { credentials } = store().auth
      const record = { name: 'crm', kind: 'bearer' as const, sealed: 'v1.aaa.bbb.ccc', createdAt: '2025-01-01T00:00:00.000Z', createdBy: 'ann', updatedAt: '2025-01-01T00:00:00.000Z', updatedBy: 'ann' }
      await credentials.put(record)
      await credentials.put({ ...record, name: 'billing', kind: 'api-key' })
      expect(await credentials.get('crm')).toEqual(record)
      expect((await credentials.all()).map((c) => c.name).sort()).toEqual(['billing', 'crm'])
      await credentials.put({ ...record, sealed: 'v1.ddd.eee.fff' })
      expect((await credentials.get('crm'))?.sealed).toBe('v1.ddd.eee.fff')
      expect(await credentials.delete('crm')).toBe(true)
      expect(await credentials.get('crm')).toBeUndefined()
    })
  })
}
