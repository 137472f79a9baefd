/**
 * The middle of the editor: the canvas, or two versions compared (their
 * diff loads Monaco lazily; the canvas never waits for it).
 */
import type { MutableRefObject } from 'react'
import { Canvas } from './canvas/Canvas'
import type { CanvasOverlay } from './canvas/overlay'
import { CompareView } from './compare/CompareView'
import { useEditorContext, type CanvasCommands } from './EditorContext'

export function Workspace({ commands, overlay }: { commands: MutableRefObject<CanvasCommands>; overlay: CanvasOverlay }) {
  const { centre } = useEditorContext()
  if (centre.kind === 'compare') return <CompareView left={centre.left} right={centre.right} />
  return <Canvas commands={commands} overlay={overlay} />
}
