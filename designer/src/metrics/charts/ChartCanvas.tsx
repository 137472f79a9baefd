/**
 * One chart on a canvas. Chart.js loads lazily on the first chart; until
 * then a placeholder of the same size keeps the layout still. A new `config`
 * updates the chart in place (animated), so a live what-if does not flicker.
 * The canvas is an image with a label; `children` (a small table of the same
 * numbers) is its fallback content for screen readers.
 */
import type { ChartConfiguration } from 'chart.js'
import { useEffect, useRef, useState, type ReactNode } from 'react'

type Kit = typeof import('./chart-kit')
let kit: Promise<Kit> | undefined
const loadKit = () => (kit ??= import('./chart-kit'))

interface Props {
  config: ChartConfiguration
  /** What the chart shows, for people who cannot see it. */
  label: string
  height?: number
  children?: ReactNode
  testId?: string
}

export function ChartCanvas({ config, label, height = 220, children, testId }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const chart = useRef<InstanceType<Kit['Chart']> | null>(null)
  const [ready, setReady] = useState(false)
  const latest = useRef(config)
  latest.current = config

  useEffect(() => {
    let cancelled = false
    loadKit().then(({ Chart }) => {
      if (cancelled || !canvas.current) return
      chart.current = new Chart(canvas.current, latest.current)
      setReady(true)
    })
    return () => {
      cancelled = true
      chart.current?.destroy()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    const c = chart.current
    if (!c) return
    c.data = config.data
    if (config.options) c.options = config.options
    c.update()
  }, [config])

  return (
    <div className={`ow-chart${ready ? '' : ' is-loading'}`} style={{ height }} data-testid={testId} data-ready={ready || undefined}>
      <canvas ref={canvas} role="img" aria-label={label}>
        {children}
      </canvas>
    </div>
  )
}
