/**
 * The first thing on a task page: what the AI proposes and how sure it is,
 * in words and as a bar, with the values it produced and the model.
 */
import { humanize } from '../ui/format'
import { Icon } from '../ui/Icon'
import { confidenceBand, percent, type AiSignal, type ProposalView } from './proposal'
import { formatScalar, labelOf } from './ValueView'

function Meter({ signal }: { signal: AiSignal }) {
  const band = confidenceBand(signal.value)
  const tone = signal.kind === 'confidence' ? band.toLowerCase() : 'score'
  return (
    <div className="meter-block" data-testid="ai-signal">
      <div className="meter-head">
        <span className="meter-label">{labelOf(signal.label)}</span>
        <span className="meter-value">{percent(signal.value)}</span>
        {signal.kind === 'confidence' && <span className={`band band-${tone}`}>{band} confidence</span>}
      </div>
      <div className="meter" role="meter" aria-label={labelOf(signal.label)} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(signal.value * 100)}>
        <span className={`meter-fill meter-${tone}`} style={{ width: percent(signal.value) }} />
      </div>
    </div>
  )
}

export function ProposalCard({ view }: { view: ProposalView }) {
  return (
    <section className="ib-card proposal-card" aria-labelledby="proposal-title" data-testid="proposal">
      <h2 id="proposal-title" className="eyebrow">
        <Icon name="sparkles" size={14} /> AI proposal
      </h2>
      {view.proposed ? (
        <p className="proposal-decision" data-testid="proposed-decision">
          {humanize(view.proposed)}
        </p>
      ) : (
        <p className="proposal-none">No proposed decision: the AI leaves this one to you.</p>
      )}
      {view.signal && <Meter signal={view.signal} />}
      {view.aiValues.length > 0 && (
        <dl className="ai-values">
          {view.aiValues.map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd>{formatScalar(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {view.outputs.map((o) => (
        <p key={o.step} className="ai-output">
          <strong>{labelOf(o.step)}</strong>: {o.label ?? formatScalar(typeof o.value === 'object' ? JSON.stringify(o.value) : o.value)} · {percent(o.confidence)} confident
          {o.model && <span className="muted"> · model {o.model}</span>}
        </p>
      ))}
    </section>
  )
}
