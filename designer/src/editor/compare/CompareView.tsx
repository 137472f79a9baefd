/**
 * Two versions compared, in place of the canvas: what changed, drawn on a
 * read-only canvas, above the JSON of both in Monaco's diff editor.
 */
import { Icon } from '../../ui/Icon'
import { useEditorContext, type VersionRef } from '../EditorContext'
import { flowText } from '../monaco/json-apply'
import { useMonaco } from '../monaco/useMonaco'
import { CompareCanvas } from './CompareCanvas'
import { useCompareFlows, versionLabel } from './useCompareFlows'

export function CompareView({ left, right }: { left: VersionRef; right: VersionRef }) {
  const { setCentre } = useEditorContext()
  const compared = useCompareFlows(left, right)
  const kit = useMonaco()
  return (
    <section className="compare-view" aria-label="Compare versions" data-testid="compare-view">
      <header className="compare-head">
        <Icon name="history" />
        <strong>
          {versionLabel(left)} → {versionLabel(right)}
        </strong>
        {compared.status === 'ready' && <DiffSummary compared={compared} />}
        <button className="button button-small" onClick={() => setCentre({ kind: 'canvas' })} data-testid="close-compare">
          <Icon name="x" size={14} /> Back to editing
        </button>
      </header>
      {compared.status === 'loading' && <p className="page-loading">Loading both versions…</p>}
      {compared.status === 'error' && <p className="page-loading field-error">{compared.message}</p>}
      {compared.status === 'ready' && (
        <div className="compare-body">
          <CompareCanvas diff={compared.diff} />
          <div className="compare-diff">{kit ? <kit.FlowDiffEditor original={flowText(compared.left)} modified={flowText(compared.right)} /> : <p className="page-loading">Loading the diff…</p>}</div>
        </div>
      )}
    </section>
  )
}

function DiffSummary({ compared }: { compared: Extract<ReturnType<typeof useCompareFlows>, { status: 'ready' }> }) {
  const { counts, settings } = compared.diff
  const none = counts.added + counts.removed + counts.changed === 0 && settings.length === 0
  return (
    <span className="compare-summary" data-testid="diff-summary">
      {none && <span className="chip">No changes to steps or settings</span>}
      {counts.changed > 0 && <span className="chip chip-warning">{counts.changed} changed</span>}
      {counts.added > 0 && <span className="chip chip-success">{counts.added} added</span>}
      {counts.removed > 0 && <span className="chip chip-danger">{counts.removed} removed</span>}
      {settings.length > 0 && <span className="chip">settings: {settings.join(', ')}</span>}
    </span>
  )
}
