/**
 * A tiny router: two pages do not need a library. Routes are plain paths
 * (`/`, `/flows/<id>`); `navigate` pushes history and notifies subscribers.
 */
import { useSyncExternalStore } from 'react'

export type Route =
  | { page: 'flows' }
  | { page: 'editor'; flowId: string }
  | { page: 'owner'; flowId: string }
  | { page: 'metrics'; flowId: string }
  | { page: 'inbox' }
  | { page: 'task'; taskId: string }
  | { page: 'outbox' }
  | { page: 'api-docs' }
  | { page: 'not-found'; path: string }

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'flows' }
  const m = /^\/flows\/([^/]+)\/?$/.exec(pathname)
  if (m) return { page: 'editor', flowId: decodeURIComponent(m[1]) }
  const sub = /^\/flows\/([^/]+)\/(owner|metrics)\/?$/.exec(pathname)
  if (sub) return { page: sub[2] as 'owner' | 'metrics', flowId: decodeURIComponent(sub[1]) }
  if (/^\/inbox\/?$/.test(pathname)) return { page: 'inbox' }
  const task = /^\/inbox\/([^/]+)\/?$/.exec(pathname)
  if (task) return { page: 'task', taskId: decodeURIComponent(task[1]) }
  if (/^\/outbox\/?$/.test(pathname)) return { page: 'outbox' }
  if (/^\/api\/docs\/?$/.test(pathname)) return { page: 'api-docs' }
  return { page: 'not-found', path: pathname }
}

const listeners = new Set<() => void>()

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === location.pathname) return
  if (options.replace) history.replaceState(null, '', path)
  else history.pushState(null, '', path)
  for (const l of listeners) l()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  window.addEventListener('popstate', listener)
  return () => {
    listeners.delete(listener)
    window.removeEventListener('popstate', listener)
  }
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => location.pathname)
}

export const editorPath = (flowId: string): string => `/flows/${encodeURIComponent(flowId)}`
/** The owner view: a flow's parameters and the what-if. */
export const ownerPath = (flowId: string): string => `/flows/${encodeURIComponent(flowId)}/owner`
export const metricsPath = (flowId: string): string => `/flows/${encodeURIComponent(flowId)}/metrics`
