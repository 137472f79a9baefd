/** "Saved" / "Unsaved changes" / "Saving…" / "Not saved: …", next to the flow's name. */
import { useEditorContext } from '../EditorContext'

export function SaveStatus({ dirty }: { dirty: boolean }) {
  const { save } = useEditorContext()
  const [text, kind] = save.saving
    ? ['Saving…', 'busy']
    : save.error && dirty
      ? ['Not saved — edits kept', 'error']
      : dirty
        ? ['Unsaved changes', 'dirty']
        : [save.latestVersion > 0 ? `Saved · v${save.latestVersion} published` : 'Saved · not published', 'clean']
  return (
    <span className={`save-status save-${kind}`} data-testid="save-status" data-state={kind} title={save.error ?? undefined}>
      <span className="save-dot" aria-hidden />
      {text}
    </span>
  )
}
