/** The keyboard shortcuts help panel (press ?). */
import { Dialog } from '../../ui/Dialog'
import { formatKeys, SHORTCUTS } from '../shortcuts'

export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="shortcuts" data-testid="shortcuts-help">
        {SHORTCUTS.map((g) => (
          <section key={g.group}>
            <h3>{g.group}</h3>
            <dl>
              {g.items.map((s) => (
                <div key={s.keys} className="shortcut">
                  <dt>
                    {formatKeys(s.keys)
                      .split(' / ')
                      .map((k) => (
                        <kbd key={k} className="kbd">
                          {k}
                        </kbd>
                      ))}
                  </dt>
                  <dd>{s.does}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  )
}
