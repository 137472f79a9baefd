/**
 * An expression field: the light editor at once, Monaco (same props) as
 * soon as it has loaded. The swap waits until the light field is not being
 * typed in, so no keystroke or cursor is lost.
 */
import { useState } from 'react'
import { useMonaco } from '../monaco/useMonaco'
import { ExpressionInput, type ExpressionInputProps } from './ExpressionInput'

export function ExpressionField(props: ExpressionInputProps) {
  const kit = useMonaco()
  const [typing, setTyping] = useState(false)
  if (kit && !typing) return <kit.MonacoExpression {...props} />
  return (
    <div onFocus={() => setTyping(true)} onBlur={() => setTyping(false)} className="expr-light">
      <ExpressionInput {...props} />
    </div>
  )
}
