/**
 * The owner view of a flow (`/flows/<id>/owner`): only its parameters, as
 * sliders and fields, with the what-if beside them updated as they move;
 * saving creates a parameter version (with why), which may wait for a second
 * owner; the history below allows rollback. The landing page for owners.
 */
import { useEffect, useMemo, useState } from 'react'
import type { ParamValue } from '../api/learning-types'
import { useCurrentUser } from '../app/useCurrentUser'
import { ApprovalPolicy } from './ApprovalPolicy'
import { FlowPageHeader } from './FlowPageHeader'
import { OwnerProblem } from './OwnerProblem'
import { changedValues } from './param-values'

const changed = (changes: Record<string, ParamValue>) => Object.keys(changes).length > 0
import { LearningCurveCard } from './LearningCurveCard'
import { ParameterField } from './ParameterField'
import { PendingApprovals } from './PendingApprovals'
import { SaveChanges } from './SaveChanges'
import { useOwnerActions } from './useOwnerActions'
import { useParameters } from './useParameters'
import { useWhatIf } from './useWhatIf'
import { valueIn } from './version-words'
import { VersionHistory } from './VersionHistory'
import { WhatIfPanel } from './WhatIfPanel'
import '../styles/owner.css'
import '../styles/owner-charts.css'

export function OwnerPage({ flowId }: { flowId: string }) {
  const { data, versions, error, reload } = useParameters(flowId)
  const actions = useOwnerActions(flowId, reload)
  const me = useCurrentUser()
  const [draft, setDraft] = useState<Record<string, ParamValue>>({})
  const [minutesPerReview, setMinutesPerReview] = useState(10)
  const current = useMemo(() => data?.values ?? {}, [data])
  useEffect(() => setDraft(current), [current])
  const changes = useMemo(() => changedValues(draft, current), [draft, current])
  // Showing a pending version's values (to see its what-if) is not a change of one's own to save.
  const previewing = changed(changes) ? data?.pending.find((v) => data.parameters.every((d) => draft[d.name] === valueIn(v, d))) : undefined
  const whatIf = useWhatIf(flowId, data ? changes : null, minutesPerReview)

  return (
    <div className="owner-page">
      <FlowPageHeader flowId={flowId} page="owner" />
      <main className="owner-main">
        {error && <OwnerProblem code={error.code} message={error.message} />}
        {data && (
          <>
            <PendingApprovals pending={data.pending} definitions={data.parameters} current={current} me={me?.username} onApprove={actions.approve} onReject={actions.reject} onPreview={(v) => setDraft(Object.fromEntries(data.parameters.map((d) => [d.name, valueIn(v, d)])))} />
            <div className="owner-grid">
              <section className="ow-card ow-settings" aria-labelledby="settings-title" data-testid="settings">
                <header className="ow-card-head">
                  <div>
                    <h2 id="settings-title">Settings</h2>
                    <p className="muted">New cases use these values. Cases already under way keep the values they started with.</p>
                  </div>
                </header>
                {data.parameters.length === 0 && <p className="empty-note">This flow has no settings an owner can change.</p>}
                {data.parameters.map((def) => (
                  <ParameterField key={def.name} def={def} value={draft[def.name] ?? def.value} current={current[def.name] ?? def.value} onChange={(v) => setDraft((d) => ({ ...d, [def.name]: v }))} />
                ))}
                {previewing ? (
                  <p className="preview-note">
                    These are the values of version {previewing.version}, waiting for approval above.{' '}
                    <button type="button" className="link-button" onClick={() => setDraft(current)}>
                      Back to the values in force
                    </button>
                  </p>
                ) : (
                  <SaveChanges
                    definitions={data.parameters}
                    changes={changes}
                    current={current}
                    requireApproval={data.requireApproval}
                    onSave={(reason) => actions.save(changes, reason)}
                    onDiscard={() => setDraft(current)}
                  />
                )}
                <ApprovalPolicy requireApproval={data.requireApproval} onChange={actions.setPolicy} />
              </section>
              <WhatIfPanel state={whatIf} minutesPerReview={minutesPerReview} setMinutesPerReview={setMinutesPerReview} />
            </div>
            <LearningCurveCard flowId={flowId} refresh={versions} />
            <VersionHistory versions={versions} definitions={data.parameters} currentVersion={data.current?.version} onRollback={actions.rollback} />
          </>
        )}
        {!data && !error && <div className="skeleton-list" aria-busy="true" />}
      </main>
    </div>
  )
}
