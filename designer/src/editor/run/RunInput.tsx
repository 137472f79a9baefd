/** The test input: the flow's sample inputs as one-click choices, and the JSON itself, editable. */
import { useEffect, useState } from 'react'
import { api } from '../../api/client'
import type { Sample } from '../../api/types'
import { Icon } from '../../ui/Icon'
import { useEditorState } from '../EditorContext'
import { flowOf } from '../store/editor-store'
import { skeletonInput } from './run-progress'

export function RunInput({ flowId, busy, onRun }: { flowId: string; busy: boolean; onRun(input: unknown): void }) {
  const inputSchema = useEditorState((s) => flowOf(s).input)
  const [samples, setSamples] = useState<Sample[]>([])
  const [picked, setPicked] = useState<number | null>(null)
  const [text, setText] = useState(() => JSON.stringify(skeletonInput(inputSchema as never), null, 2))
  useEffect(() => {
    api.samples(flowId).then(
      (list) => {
        setSamples(list)
        if (list.length > 0) pick(list, 0)
      },
      () => setSamples([]),
    )
  }, [flowId])
  const pick = (list: Sample[], i: number) => {
    setPicked(i)
    setText(JSON.stringify(list[i].input, null, 2))
  }
  let parsed: unknown
  let parseError: string | null = null
  try {
    parsed = JSON.parse(text)
  } catch (e) {
    parseError = (e as Error).message
  }
  useEffect(() => {
    const onShortcut = () => !parseError && !busy && onRun(parsed)
    window.addEventListener('inloop:test-run', onShortcut)
    return () => window.removeEventListener('inloop:test-run', onShortcut)
  })
  return (
    <div className="run-input">
      {samples.length > 0 && (
        <div className="field">
          <span className="field-label">Sample input</span>
          <div className="check-chips" data-testid="samples">
            {samples.map((s, i) => (
              <button key={s.name} type="button" className={`chip${picked === i ? ' chip-on' : ''}`} aria-pressed={picked === i} onClick={() => pick(samples, i)}>
                {s.name}
              </button>
            ))}
          </div>
        </div>
      )}
      <label className={`field${parseError ? ' field-invalid' : ''}`}>
        <span className="field-label">Input (JSON)</span>
        <textarea className="input input-code" rows={8} spellCheck={false} value={text} data-testid="run-input" onChange={(e) => (setText(e.target.value), setPicked(null))} />
        {parseError && <p className="field-error">Not JSON yet: {parseError}</p>}
      </label>
      <button className="button button-primary button-block" disabled={!!parseError || busy} onClick={() => onRun(parsed)} data-testid="run-test">
        <Icon name="play" /> Run the draft
      </button>
      <p className="field-help">Runs what is on the canvas now, saved or not. Nothing is published.</p>
    </div>
  )
}
