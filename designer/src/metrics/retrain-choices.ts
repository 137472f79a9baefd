/**
 * What a retrain may need to be told: which reviewer decision means which AI
 * label (a loan's "approve" means "good"). Read from the flow: the labels of
 * its local AI steps and the decisions of its review steps.
 */
import type { Flow } from '../api/types'

export interface RetrainChoices {
  labels: string[]
  decisions: string[]
}

const DEFAULT_DECISIONS = ['approve', 'reject']

export function retrainChoices(flow: Flow): RetrainChoices {
  const labels = new Set<string>()
  const decisions = new Set<string>()
  for (const node of flow.nodes) {
    const c = node.config as { provider?: string; task?: string; labels?: string[]; decisions?: { name: string }[] }
    if (node.type === 'ai-step' && (c.provider ?? 'local') === 'local' && (c.task === 'classify' || c.task === 'score')) c.labels?.forEach((l) => labels.add(l))
    if (node.type === 'human-review') (c.decisions?.map((d) => d.name) ?? DEFAULT_DECISIONS).forEach((d) => decisions.add(d))
  }
  return { labels: [...labels], decisions: [...decisions] }
}

/** A first guess: a decision named like a label, else the n-th decision for the n-th label ("approve" → "good"). */
export function guessLabels(choices: RetrainChoices): Record<string, string> {
  return Object.fromEntries(
    choices.decisions.map((d, i) => [d, choices.labels.includes(d) ? d : (choices.labels[i] ?? '')]).filter(([, label]) => label !== ''),
  )
}
