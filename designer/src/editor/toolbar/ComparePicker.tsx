/** Pick two versions (or a version and the draft) and compare them in place of the canvas. */
import { useState } from 'react'
import type { VersionInfo } from '../../api/types'
import { Icon } from '../../ui/Icon'
import { useEditorContext, type VersionRef } from '../EditorContext'

const parse = (v: string): VersionRef => (v === 'draft' ? 'draft' : Number(v))

export function ComparePicker({ versions }: { versions: VersionInfo[] }) {
  const { setCentre } = useEditorContext()
  const [left, setLeft] = useState<VersionRef>(versions[0]?.version ?? 'draft')
  const [right, setRight] = useState<VersionRef>('draft')
  const options = [{ value: 'draft', label: 'Draft (the canvas)' }, ...versions.map((v) => ({ value: String(v.version), label: `v${v.version}${v.note ? ` — ${v.note}` : ''}` }))]
  return (
    <div className="compare-picker" data-testid="compare-picker">
      <label className="field">
        <span className="field-label">From</span>
        <select className="input" value={String(left)} onChange={(e) => setLeft(parse(e.target.value))} data-testid="compare-left">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">To</span>
        <select className="input" value={String(right)} onChange={(e) => setRight(parse(e.target.value))} data-testid="compare-right">
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button className="button" disabled={left === right} onClick={() => setCentre({ kind: 'compare', left, right })} data-testid="compare">
        <Icon name="split" size={15} /> Compare
      </button>
    </div>
  )
}
