/**
 * Sign-in sessions: an opaque 256-bit random id in an httpOnly cookie; the
 * store keeps only its SHA-256 and an absolute expiry. Looking a session up
 * is one read of the store; expired ones are removed when met.
 */
import type { AuthStore, SessionRecord } from '../store/auth-store.js'
import { randomToken, sha256 } from './secrets.js'

export type Sessions = ReturnType<typeof createSessions>

export function createSessions(store: AuthStore, options: { now: () => Date; ttlMs: number }) {
  const { sessions } = store
  return {
    /** A new session for `username`; the token goes into the cookie and nowhere else. */
    async open(username: string): Promise<{ token: string; session: SessionRecord }> {
      const token = randomToken()
      const now = options.now()
      const session: SessionRecord = {
        id: sha256(token),
        username,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + options.ttlMs).toISOString(),
      }
      await sessions.put(session)
      return { token, session }
    },

    /** The live session behind a cookie value, or undefined. */
    async find(token: string): Promise<SessionRecord | undefined> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined
      const session = await sessions.get(sha256(token))
      if (!session) return undefined
      if (session.expiresAt <= options.now().toISOString()) {
        await sessions.delete(session.id)
        return undefined
      }
      return session
    },

    async close(token: string): Promise<void> {
      await sessions.delete(sha256(token))
    },

    /** End every session of a user (password changed, account disabled or removed). */
    async closeAll(username: string): Promise<void> {
      for (const s of await sessions.all()) if (s.username === username) await sessions.delete(s.id)
    },
  }
}
