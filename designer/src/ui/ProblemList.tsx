/** A list of validator problems: the sentence, and where (the JSON path). */
import type { Problem } from '../api/types'
import { Icon } from './Icon'

export function ProblemList({ problems, onPick, testId }: { problems: Problem[]; onPick?: (p: Problem) => void; testId?: string }) {
  return (
    <ul className="problem-list" data-testid={testId}>
      {problems.map((p, i) => (
        <li key={`${p.path}-${i}`}>
          <button type="button" className="problem" onClick={onPick ? () => onPick(p) : undefined} disabled={!onPick}>
            <Icon name="alert" className="problem-icon" />
            <span className="problem-text">
              <span>{capitalize(p.message)}</span>
              <code className="problem-path">{p.path}</code>
            </span>
          </button>
        </li>
      ))}
    </ul>
  )
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
