/** Which reviewer decision means which AI label, asked when the answers alone do not say. */
import type { RetrainChoices } from './retrain-choices'

interface Props {
  choices: RetrainChoices
  value: Record<string, string>
  onChange(next: Record<string, string>): void
}

export function LabelMapping({ choices, value, onChange }: Props) {
  return (
    <fieldset className="label-mapping">
      <legend>When a reviewer decides…, the AI should have said…</legend>
      {choices.decisions.map((d) => (
        <label key={d} className="label-mapping-row">
          <span>“{d}”</span>
          <select
            className="input"
            value={value[d] ?? ''}
            onChange={(e) => {
              const next = { ...value, [d]: e.target.value }
              if (!e.target.value) delete next[d]
              onChange(next)
            }}
          >
            <option value="">(does not tell)</option>
            {choices.labels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
      ))}
    </fieldset>
  )
}
