/** Shows or hides the live counts on the canvas; its dot says whether the stream is connected. */
import { Icon } from '../../ui/Icon'
import { useEditorContext } from '../EditorContext'
import { useLive } from '../live/LiveContext'

export function LiveToggle() {
  const { overlayOn, setOverlayOn } = useEditorContext()
  const { status } = useLive()
  const title = status === 'open' ? 'Live: counts of this flow’s runs on each step' : status === 'connecting' ? 'Connecting…' : 'Connection lost; reconnecting without missing anything'
  return (
    <button className={`toggle-button${overlayOn ? ' is-on' : ''}`} aria-pressed={overlayOn} title={title} onClick={() => setOverlayOn(!overlayOn)} data-testid="toggle-live" data-stream={status}>
      <span className={`live-dot is-${status}`} aria-hidden />
      <Icon name="radio" size={15} /> Live
    </button>
  )
}
