/**
 * The lightweight editor for CEL expressions and `{{ }}` templates: a
 * monospace field with suggestions of the variables in scope. It is drawn
 * at once; `ExpressionField` swaps in the Monaco editor (same props) when
 * that has loaded.
 */
import { useLayoutEffect, useRef, useState } from 'react'
import type { ScopeVariable } from './scope'

export interface ExpressionInputProps {
  id: string
  value: string
  onChange(value: string): void
  language: 'cel' | 'template'
  scope: ScopeVariable[]
  placeholder?: string
  invalid?: boolean
  multiline?: boolean
}

export function ExpressionInput({ id, value, onChange, language, scope, placeholder, invalid, multiline }: ExpressionInputProps) {
  const ref = useRef<HTMLTextAreaElement>(null)
  // Grow with the text so a long expression is read whole, not scrolled.
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    el.style.height = 'auto'
    el.style.height = `${el.scrollHeight + 2}px`
  }, [value])
  const [focused, setFocused] = useState(false)
  const [cursor, setCursor] = useState(0)
  const word = currentWord(value, cursor)
  const suggestions = focused && (language === 'cel' || insideBraces(value, cursor)) ? scope.map((v) => v.path).filter((v) => v.startsWith(word) && v !== word).slice(0, 8) : []
  const insert = (variable: string) => {
    const start = cursor - word.length
    const next = value.slice(0, start) + variable + value.slice(cursor)
    onChange(next)
    requestAnimationFrame(() => {
      ref.current?.focus()
      ref.current?.setSelectionRange(start + variable.length, start + variable.length)
    })
  }
  const common = {
    id,
    ref,
    className: `input input-code${invalid ? ' is-invalid' : ''}`,
    value,
    placeholder,
    spellCheck: false,
    'aria-invalid': invalid || undefined,
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => {
      onChange(e.target.value)
      setCursor(e.target.selectionStart ?? e.target.value.length)
    },
    onSelect: (e: React.SyntheticEvent<HTMLTextAreaElement>) => setCursor(e.currentTarget.selectionStart ?? 0),
    onFocus: () => setFocused(true),
    onBlur: () => setTimeout(() => setFocused(false), 150),
  }
  return (
    <div className="expr">
      <textarea rows={multiline ? 2 : 1} {...common} onKeyDown={(e) => !multiline && e.key === 'Enter' && e.preventDefault()} />
      <span className="expr-lang" aria-hidden>
        {language === 'cel' ? 'CEL' : '{{ }}'}
      </span>
      {suggestions.length > 0 && (
        <div className="expr-suggest" role="listbox" aria-label="Variables">
          {suggestions.map((s) => (
            <button type="button" role="option" aria-selected={false} key={s} onMouseDown={(e) => e.preventDefault()} onClick={() => insert(s)}>
              {s}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}

function currentWord(text: string, cursor: number): string {
  const m = /[A-Za-z_](?:[\w.]|\["[^"]*"?\]?)*$/.exec(text.slice(0, cursor))
  return m ? m[0] : ''
}

function insideBraces(text: string, cursor: number): boolean {
  const before = text.slice(0, cursor)
  return before.lastIndexOf('{{') > before.lastIndexOf('}}')
}
