/**
 * The learning loop in the owner view: per AI step, how many reviewed
 * answers exist and how many more make the next candidate model, and the
 * learning curve — each candidate's held-out accuracy against the reviewed
 * answers it learned from, beside the model in force at the time.
 */
import { useEffect, useMemo, useState } from 'react'
import { learningLoopApi, type LearningOverview } from '../api/learning-loop'
import { ChartCanvas } from '../metrics/charts/ChartCanvas'
import { percent, plural } from '../metrics/format-numbers'
import { learningCurveChart } from './learning-curve-chart'

export function LearningCurveCard({ flowId, refresh }: { flowId: string; refresh: unknown }) {
  const [overview, setOverview] = useState<LearningOverview | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    learningLoopApi.overview(flowId).then(setOverview, (e: Error) => setError(e.message))
  }, [flowId, refresh])
  const save = async (retrainAfter: number) => {
    if (!overview || !Number.isInteger(retrainAfter) || retrainAfter < 5) return
    const settings = await learningLoopApi.saveSettings(flowId, { retrainAfter })
    setOverview({ ...overview, settings })
  }
  if (error) return <p className="field-error">{error}</p>
  if (!overview || overview.steps.length === 0) return null
  const { settings } = overview
  return (
    <section className="ow-card learning-curve" aria-labelledby="learning-title" data-testid="learning-curve">
      <header className="ow-card-head">
        <div>
          <h2 id="learning-title">The AI learns from reviewed answers</h2>
          <p className="muted">
            {settings.autoRetrain ? (
              <>
                After every{' '}
                <input className="input input-narrow" type="number" min={5} defaultValue={settings.retrainAfter} aria-label="New reviewed answers per candidate" onBlur={(e) => void save(Number(e.target.value))} data-testid="retrain-after" />{' '}
                new reviewed answers a candidate model is trained on the older answers and tested on the newest ones. It waits here for an owner’s approval; nothing changes before.
              </>
            ) : (
              'Candidate models are not proposed by themselves for this flow.'
            )}
          </p>
        </div>
      </header>
      {overview.steps.map((step) => (
        <StepCurve key={step.nodeId} step={step} retrainAfter={settings.retrainAfter} />
      ))}
    </section>
  )
}

function StepCurve({ step, retrainAfter }: { step: LearningOverview['steps'][number]; retrainAfter: number }) {
  const config = useMemo(() => learningCurveChart(step.curve), [step.curve])
  return (
    <div className="learning-step" data-testid={`learning-step-${step.nodeId}`}>
      <p className="small">
        <strong>{step.nodeId}</strong>: {plural(step.reviewed, 'reviewed answer')};{' '}
        {step.pendingVersion !== null ? `a candidate waits for approval (version ${step.pendingVersion}).` : `${step.newAnswers} new since the last candidate, the next after ${Math.max(0, retrainAfter - step.newAnswers)} more.`}
      </p>
      {step.curve.length === 0 ? (
        <p className="empty-note">No candidate model yet.</p>
      ) : (
        <ChartCanvas config={config} label={`Learning curve of ${step.nodeId}: held-out accuracy against the reviewed answers learned from`} height={240} testId={`chart-learning-${step.nodeId}`}>
          <table>
            <thead>
              <tr>
                <th>Version</th>
                <th>Learned from</th>
                <th>Right on held-out</th>
                <th>Model in force then</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {step.curve.map((p) => (
                <tr key={p.parameterVersion}>
                  <td>{p.parameterVersion}</td>
                  <td>{p.trainedOn}</td>
                  <td>{percent(p.accuracy)}</td>
                  <td>{percent(p.currentAccuracy)}</td>
                  <td>{p.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartCanvas>
      )}
    </div>
  )
}
