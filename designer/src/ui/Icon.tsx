/** Draws an icon by name (see icon-paths.ts); decorative unless given a label. */
import { ICON_PATHS } from './icon-paths'

export function Icon({ name, size = 16, label, className }: { name: string; size?: number; label?: string; className?: string }) {
  const body = ICON_PATHS[name] ?? ICON_PATHS.box
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      dangerouslySetInnerHTML={{ __html: body }}
    />
  )
}
