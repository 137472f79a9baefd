/** The keyboard shortcuts of the inbox: a one-line hint under the page, and the full list on `?`. */
import { Dialog } from '../ui/Dialog'
import { Icon } from '../ui/Icon'

const SHORTCUTS: [keys: string[], what: string][] = [
  [['j', 'k'], 'Next / previous task (in the list and on a task page)'],
  [['Enter'], 'Open the selected task'],
  [['c'], 'Claim the selected task'],
  [['1', '…', '9'], 'Decide: the first, second… decision'],
  [['a', 'r'], 'Decide by first letter (e.g. Approve, Reject) where it is unique'],
  [['Esc'], 'Leave a field; back to the inbox'],
  [['?'], 'This list'],
]

export function ShortcutHint({ page, onHelp }: { page: 'list' | 'task'; onHelp(): void }) {
  return (
    <p className="shortcut-hint" data-testid="shortcut-hint">
      <Icon name="keyboard" size={14} />
      {page === 'list' ? (
        <>
          <kbd className="kbd">j</kbd> <kbd className="kbd">k</kbd> move · <kbd className="kbd">Enter</kbd> open · <kbd className="kbd">c</kbd> claim
        </>
      ) : (
        <>
          <kbd className="kbd">1</kbd>…<kbd className="kbd">n</kbd> or the letter decides · <kbd className="kbd">c</kbd> claim · <kbd className="kbd">j</kbd> <kbd className="kbd">k</kbd> next/previous · <kbd className="kbd">Esc</kbd> back
        </>
      )}
      {' · '}
      <button className="link-button" onClick={onHelp}>
        all shortcuts <kbd className="kbd">?</kbd>
      </button>
    </p>
  )
}

export function ShortcutDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Inbox shortcuts" onClose={onClose}>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr key={what}>
              <th scope="row">
                {keys.map((k, i) => (k === '…' ? <span key={i}> … </span> : <kbd key={i} className="kbd">{k}</kbd>))}
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">Shortcuts pause while you type in a field. A decision that overrides the AI still asks for a reason first.</p>
    </Dialog>
  )
}
