/** Why a flow's owner pages cannot show anything, in words, with what to do next. */
import { Link } from '../app/Link'

const EXPLAIN: Record<string, string> = {
  FLOW_NOT_PUBLISHED: 'This flow has not been published yet. Its settings and numbers appear once a designer publishes it.',
  FLOW_NOT_FOUND: 'There is no such flow. It may have been deleted.',
  FORBIDDEN: 'Your account may not see this flow’s settings. Ask an administrator for the owner role.',
}

export function OwnerProblem({ code, message }: { code: string; message: string }) {
  return (
    <div className="banner banner-error owner-problem" role="alert">
      <p>{EXPLAIN[code] ?? message.charAt(0).toUpperCase() + message.slice(1)}</p>
      <Link href="/">Back to your flows</Link>
    </div>
  )
}
