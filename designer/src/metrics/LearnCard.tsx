/**
 * The feedback loop's two actions: download every reviewed answer as JSONL,
 * and retrain the AI from them, showing its accuracy on answers kept aside
 * before and after. When the answers do not say which label a decision means,
 * asks for that mapping and tries again.
 */
import { useState } from 'react'
import { api, ApiError } from '../api/client'
import { learningApi } from '../api/learning'
import type { RetrainResult } from '../api/learning-types'
import { Icon } from '../ui/Icon'
import { LabelMapping } from './LabelMapping'
import { RetrainOutcome } from './RetrainOutcome'
import { guessLabels, retrainChoices, type RetrainChoices } from './retrain-choices'

export function LearnCard({ flowId, onRetrained }: { flowId: string; onRetrained(): void }) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<RetrainResult | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [choices, setChoices] = useState<RetrainChoices | null>(null)
  const [labels, setLabels] = useState<Record<string, string>>({})

  const retrain = async () => {
    setBusy(true)
    setProblem(null)
    try {
      setResult(await learningApi.retrain(flowId, choices ? { labels } : {}))
      onRetrained()
    } catch (e) {
      setResult(null)
      if (e instanceof ApiError && e.code === 'NO_REVIEWED_EXAMPLES' && !choices) {
        const found = retrainChoices((await api.getFlow(flowId)).flow)
        if (found.labels.length > 0 && found.decisions.length > 0) {
          setChoices(found)
          setLabels(guessLabels(found))
          setProblem('The reviewers’ answers do not say what the AI should have answered. Say which decision means which answer, then retrain.')
          return
        }
      }
      const text = (e as Error).message
      setProblem(text.charAt(0).toUpperCase() + text.slice(1))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="ow-card learn" aria-labelledby="learn-title" data-testid="learn">
      <header className="ow-card-head">
        <div>
          <h2 id="learn-title">Learn from the answers</h2>
          <p className="muted">Every reviewer decision and customer answer is kept next to what the AI proposed.</p>
        </div>
      </header>
      <div className="learn-actions">
        <a className="button" href={learningApi.datasetUrl(flowId)} download data-testid="dataset-link">
          <Icon name="download" /> Download the answers (JSONL)
        </a>
        <button className="button button-primary" onClick={() => void retrain()} disabled={busy} data-testid="retrain">
          <Icon name="sparkles" /> {busy ? 'Retraining…' : 'Retrain the AI'}
        </button>
      </div>
      {problem && (
        <p className="banner banner-warning" role="alert">
          {problem}
        </p>
      )}
      {choices && <LabelMapping choices={choices} value={labels} onChange={setLabels} />}
      {result && <RetrainOutcome result={result} />}
    </section>
  )
}
