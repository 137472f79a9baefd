/**
 * The top bar of a flow's owner pages: back to the flows, the flow's name,
 * Settings and Metrics as tabs, the editor for those who design, and who is
 * signed in.
 */
import { Link } from '../app/Link'
import { editorPath, metricsPath, ownerPath } from '../app/router'
import { isOnlyOwner, useCurrentUser } from '../app/useCurrentUser'
import { UserMenu } from '../app/UserMenu'
import { Icon } from '../ui/Icon'
import { useFlowName } from './useFlowName'

export function FlowPageHeader({ flowId, page }: { flowId: string; page: 'owner' | 'metrics' }) {
  const name = useFlowName(flowId)
  const user = useCurrentUser()
  const tab = (target: 'owner' | 'metrics', href: string, label: string, icon: string) => (
    <Link href={href} className={`ow-tab${page === target ? ' is-active' : ''}`} aria-current={page === target ? 'page' : undefined}>
      <Icon name={icon} size={15} /> {label}
    </Link>
  )
  return (
    <header className="owner-header">
      <Link href="/" className="icon-button" aria-label="Back to flows" title="Back to flows">
        <Icon name="chevron-left" />
      </Link>
      <div className="owner-title">
        <span className="muted small">Flow</span>
        <h1>{name}</h1>
      </div>
      <nav className="ow-tabs" aria-label="Flow pages">
        {tab('owner', ownerPath(flowId), 'Settings', 'sliders')}
        {tab('metrics', metricsPath(flowId), 'Metrics', 'bar-chart')}
      </nav>
      <div className="owner-header-end">
        {user && !isOnlyOwner(user) && (
          <Link href={editorPath(flowId)} className="button button-small">
            <Icon name="workflow" size={14} /> Open in editor
          </Link>
        )}
        <UserMenu />
      </div>
    </header>
  )
}
