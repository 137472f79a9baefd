/** A number with its label, the value it is compared with, and a tone (good, warning) for what matters. */
import type { ReactNode } from 'react'

interface Props {
  label: string
  value: ReactNode
  /** A line under the value: the comparison or what the number means. */
  detail?: ReactNode
  tone?: 'good' | 'bad' | 'warning' | 'neutral'
  testId?: string
}

export function Tile({ label, value, detail, tone = 'neutral', testId }: Props) {
  return (
    <div className={`ow-tile ow-tile-${tone}`} data-testid={testId}>
      <div className="ow-tile-label">{label}</div>
      <div className="ow-tile-value">{value}</div>
      {detail && <div className="ow-tile-detail">{detail}</div>}
    </div>
  )
}
