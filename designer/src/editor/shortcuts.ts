/** The keyboard shortcuts, as the help panel lists them. `mod` is Ctrl (⌘ on a Mac). */
export interface Shortcut {
  keys: string
  does: string
}

export const SHORTCUTS: { group: string; items: Shortcut[] }[] = [
  {
    group: 'Edit',
    items: [
      { keys: 'mod+Z', does: 'Undo' },
      { keys: 'mod+Shift+Z', does: 'Redo (also mod+Y)' },
      { keys: 'mod+C / mod+X / mod+V', does: 'Copy, cut, paste steps' },
      { keys: 'mod+D', does: 'Duplicate the selected steps' },
      { keys: 'Delete', does: 'Delete the selection' },
      { keys: 'mod+A', does: 'Select every step' },
    ],
  },
  {
    group: 'Canvas',
    items: [
      { keys: 'Shift+drag', does: 'Select with a box' },
      { keys: 'mod+click', does: 'Add to the selection' },
      { keys: 'F', does: 'Zoom to fit' },
      { keys: 'L', does: 'Tidy up (auto-layout)' },
      { keys: '/', does: 'Search the steps' },
      { keys: 'Escape', does: 'Clear the selection' },
    ],
  },
  {
    group: 'Flow',
    items: [
      { keys: 'mod+S', does: 'Save the draft' },
      { keys: 'mod+Enter', does: 'Test-run the draft' },
      { keys: 'J', does: 'Show or hide the flow’s JSON' },
      { keys: '?', does: 'Show this help' },
    ],
  },
]

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function formatKeys(keys: string): string {
  return keys.replace(/mod/g, isMac ? '⌘' : 'Ctrl')
}
