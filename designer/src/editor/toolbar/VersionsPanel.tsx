/**
 * Published versions with who and when; compare any two (or one with the
 * draft); restore a version into the draft (one undo step).
 */
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import type { VersionInfo } from '../../api/types'
import { timeAgo } from '../../ui/format'
import { toast } from '../../ui/toast-store'
import { useEditorContext, useEditorState } from '../EditorContext'
import { flowOf } from '../store/editor-store'
import { ComparePicker } from './ComparePicker'

export function VersionsPanel() {
  const { store, save } = useEditorContext()
  const flowId = useEditorState((s) => flowOf(s).id)
  const [versions, setVersions] = useState<VersionInfo[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    api.versions(flowId).then(
      (list) => setVersions([...list].sort((a, b) => b.version - a.version)),
      (e: Error) => setError(e.message),
    )
  }, [flowId, save.latestVersion])
  const restore = async (v: number) => {
    const flow = await api.version(flowId, v)
    store.dispatch({ type: 'edit', edit: (f) => ({ ...flow, id: f.id, version: f.version }) })
    toast(`Version ${v} restored into the draft. Undo to go back.`, 'success')
  }
  return (
    <div className="inspector" data-testid="versions">
      <section className="inspector-section">
        {versions && versions.length > 0 && (
          <>
            <h3 className="section-title">Compare</h3>
            <ComparePicker versions={versions} />
          </>
        )}
        <h3 className="section-title">Published versions</h3>
        {error && <p className="field-error">{error}</p>}
        {versions?.length === 0 && <p className="muted small">Not published yet. Publish creates version 1; runs always pin the version they started on.</p>}
        <ol className="version-list">
          {versions?.map((v) => (
            <li key={v.version} className="version-row" data-testid="version-row">
              <span className="chip chip-success">v{v.version}</span>
              <span className="version-meta">
                <span>{v.note || (v.version === save.latestVersion ? 'Latest' : 'Published')}</span>
                <span className="muted small" title={v.publishedAt}>
                  {v.publishedBy ? `${v.publishedBy} · ` : ''}
                  {timeAgo(v.publishedAt)}
                </span>
              </span>
              <button className="button button-small" onClick={() => void restore(v.version)}>
                Restore
              </button>
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
