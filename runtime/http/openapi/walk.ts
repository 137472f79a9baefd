/** Every route an express router mounts, with its full path and the declaration it was mounted from (if any). */
import type { Router } from 'express'
import type { DeclaredRoute } from '../route.js'

export interface MountedRoute {
  method: string
  /** Express form, relative to where `router` is mounted. */
  path: string
  declaration?: DeclaredRoute['declaration']
}

interface Layer {
  route?: DeclaredRoute
  rawPath?: unknown
  handle: { stack?: Layer[] }
}

export function declaredRoutes(router: Router | { stack: unknown[] }, prefix = ''): MountedRoute[] {
  const out: MountedRoute[] = []
  for (const layer of (router as { stack: Layer[] }).stack) {
    if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) {
        if (method === '_all') continue
        out.push({ method, path: `${prefix}${layer.route.path}`, declaration: layer.route.declaration })
      }
    } else if (layer.handle?.stack) {
      const at = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : ''
      out.push(...declaredRoutes(layer.handle as { stack: unknown[] }, `${prefix}${at}`))
    }
  }
  return out
}
