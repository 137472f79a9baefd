/** The session cookie: read from the Cookie header, written with httpOnly, SameSite=Lax and Secure behind https. */
import type { Request, Response } from 'express'

export const SESSION_COOKIE = 'inloop_session'

export function readCookie(req: Request, name: string): string | undefined {
  const header = req.get('cookie')
  if (!header) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return undefined
}

/** Secure when the request came over https (directly, or via a proxy trusted with INLOOP_TRUST_PROXY) or the public URL is https. */
function secure(req: Request, publicUrl?: string): boolean {
  return req.secure || (publicUrl?.startsWith('https:') ?? false)
}

export function setSessionCookie(req: Request, res: Response, token: string, expiresAt: string, publicUrl?: string): void {
  const maxAge = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000))
  const attrs = [`${SESSION_COOKIE}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAge}`]
  if (secure(req, publicUrl)) attrs.push('Secure')
  res.append('set-cookie', attrs.join('; '))
}

export function clearSessionCookie(req: Request, res: Response, publicUrl?: string): void {
  const attrs = [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0']
  if (secure(req, publicUrl)) attrs.push('Secure')
  res.append('set-cookie', attrs.join('; '))
}
