/** Lists every problem an imported file has; nothing is imported unless the user insists. */
import type { Problem } from '../api/types'
import { Dialog } from '../ui/Dialog'
import { ProblemList } from '../ui/ProblemList'

export function ImportProblemsDialog({ file, problems, onClose, onImportAnyway }: { file: string; problems: Problem[]; onClose(): void; onImportAnyway?: () => void }) {
  return (
    <Dialog
      title={`${file} has ${problems.length} problem${problems.length === 1 ? '' : 's'}`}
      onClose={onClose}
      wide
      footer={
        <>
          {onImportAnyway && (
            <button className="button" onClick={onImportAnyway}>
              Import as a draft anyway
            </button>
          )}
          <button className="button button-primary" onClick={onClose} autoFocus>
            Keep my flows as they are
          </button>
        </>
      }
    >
      <p className="muted">Nothing was imported. Fix the file and import it again{onImportAnyway ? ', or import it as a draft and fix it on the canvas' : ''}.</p>
      <ProblemList problems={problems} testId="import-problems" />
    </Dialog>
  )
}
