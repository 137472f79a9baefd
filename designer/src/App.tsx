/**
 * The app shell: picks the page for the current path. The editor (React
 * Flow, the node-type definitions) is its own chunk, so the flow list opens
 * without it.
 */
import { lazy, Suspense } from 'react'
import { preloadEditor } from './app/editor-preload'
import { LoginPage } from './app/LoginPage'
import { parseRoute, usePathname } from './app/router'
import { useSession } from './app/session'
import { useReviewerRouting } from './app/useReviewerRouting'
import { Link } from './app/Link'
import { FlowListPage } from './flows/FlowListPage'
import { Toasts } from './ui/Toasts'

const EditorPage = lazy(() => import('./editor/EditorPage').then((m) => ({ default: m.EditorPage })))
const OwnerPage = lazy(() => import('./owner/OwnerPage').then((m) => ({ default: m.OwnerPage })))
const MetricsPage = lazy(() => import('./metrics/MetricsPage').then((m) => ({ default: m.MetricsPage })))
const InboxPage = lazy(() => import('./inbox/InboxPage').then((m) => ({ default: m.InboxPage })))
const TaskPage = lazy(() => import('./inbox/TaskPage').then((m) => ({ default: m.TaskPage })))
const ApiDocsPage = lazy(() => import('./docs/ApiDocsPage').then((m) => ({ default: m.ApiDocsPage })))
const OutboxPage = lazy(() => import('./outbox/OutboxPage').then((m) => ({ default: m.OutboxPage })))

export function App() {
  const route = parseRoute(usePathname())
  const session = useSession()
  const toLogin = useReviewerRouting(route.page, session.signedOut)
  if (route.page === 'editor' && !session.signedOut) preloadEditor(route.flowId)
  // Signing in is an overlay: the page underneath (and any unsaved edits) stays as it was.
  return (
    <>
      {route.page === 'flows' && <FlowListPage />}
      {route.page === 'editor' && (
        <Suspense fallback={<div className="page-loading">Opening the editor…</div>}>
          <EditorPage key={route.flowId} flowId={route.flowId} />
        </Suspense>
      )}
      {(route.page === 'owner' || route.page === 'metrics') && (
        <Suspense fallback={<div className="page-loading">Opening…</div>}>
          {route.page === 'owner' ? <OwnerPage key={route.flowId} flowId={route.flowId} /> : <MetricsPage key={route.flowId} flowId={route.flowId} />}
        </Suspense>
      )}
      {(route.page === 'inbox' || route.page === 'task' || route.page === 'outbox') && (
        <Suspense fallback={<div className="page-loading">Opening…</div>}>
          {route.page === 'inbox' && <InboxPage />}
          {route.page === 'task' && <TaskPage key={route.taskId} taskId={route.taskId} />}
          {route.page === 'outbox' && <OutboxPage />}
        </Suspense>
      )}
      {route.page === 'api-docs' && (
        <Suspense fallback={<div className="page-loading">Opening the API reference…</div>}>
          <ApiDocsPage />
        </Suspense>
      )}
      {route.page === 'not-found' && (
        <div className="empty-page">
          <h1>Nothing at {route.path}</h1>
          <Link href="/">Back to your flows</Link>
        </div>
      )}
      {session.signedOut && !toLogin && <LoginPage />}
      <Toasts />
    </>
  )
}
