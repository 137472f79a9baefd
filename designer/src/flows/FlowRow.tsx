/**
 * One flow in the list: name, description, version and draft state, links to
 * its owner settings and metrics, actions. An owner who does not design sees
 * the flow's settings as its main link and no designer actions.
 */
import type { FlowSummary } from '../api/types'
import { Link } from '../app/Link'
import { editorPath, metricsPath, ownerPath } from '../app/router'
import { timeAgo } from '../ui/format'
import { Icon } from '../ui/Icon'

interface Props {
  flow: FlowSummary
  onRename(): void
  onDuplicate(): void
  onDelete(): void
  onExport(): void
  /** Owner only: the row opens the owner view and has no designer actions. */
  ownerOnly?: boolean
}

export function FlowRow({ flow, onRename, onDuplicate, onDelete, onExport, ownerOnly }: Props) {
  const published = flow.latestVersion > 0
  return (
    <li className="flow-row" data-flow-id={flow.id}>
      <Link href={ownerOnly ? ownerPath(flow.id) : editorPath(flow.id)} className="flow-row-main">
        <span className="flow-row-icon" aria-hidden>
          <Icon name="workflow" size={18} />
        </span>
        <span className="flow-row-text">
          <span className="flow-row-name">{flow.name}</span>
          <span className="flow-row-desc">{flow.description || flow.id}</span>
        </span>
      </Link>
      <span className="flow-row-meta">
        {flow.latestVersion > 0 ? <span className="chip chip-success">v{flow.latestVersion}</span> : <span className="chip">Not published</span>}
        {flow.hasDraftChanges && flow.latestVersion > 0 && <span className="chip chip-warning">Draft changes</span>}
        <span className="muted small">{timeAgo(flow.updatedAt)}</span>
      </span>
      {published && (
        <span className="flow-row-links">
          <Link href={ownerPath(flow.id)} className="button button-small" aria-label={`Settings of ${flow.name}`} title="Thresholds and values an owner may change, with the what-if">
            <Icon name="sliders" size={14} /> Settings
          </Link>
          <Link href={metricsPath(flow.id)} className="button button-small" aria-label={`Metrics of ${flow.name}`}>
            <Icon name="bar-chart" size={14} /> Metrics
          </Link>
        </span>
      )}
      {!ownerOnly && (
        <span className="flow-row-actions">
          <button className="icon-button" title="Rename" aria-label={`Rename ${flow.name}`} onClick={onRename}>
            <Icon name="pencil" />
          </button>
          <button className="icon-button" title="Duplicate" aria-label={`Duplicate ${flow.name}`} onClick={onDuplicate}>
            <Icon name="copy" />
          </button>
          <button className="icon-button" title="Export JSON" aria-label={`Export ${flow.name}`} onClick={onExport}>
            <Icon name="download" />
          </button>
          <button className="icon-button danger" title="Delete" aria-label={`Delete ${flow.name}`} onClick={onDelete}>
            <Icon name="trash" />
          </button>
        </span>
      )}
    </li>
  )
}
