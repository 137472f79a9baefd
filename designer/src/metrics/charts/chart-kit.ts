/**
 * The charting library, loaded on demand (never in the first page's bundle).
 *
 * Why Chart.js: it is maintained, tree-shakes to the few controllers we
 * register here (about 60 KB gzip for bar, line and scatter), draws on a
 * canvas so a what-if chart can redraw on every slider step without
 * re-rendering SVG through React, and has no React peer to keep in step with.
 * Recharts was the other candidate: SVG and declarative, but it pulls in
 * Redux Toolkit, immer and d3 pieces, about twice the size.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js'

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip)
Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue('--font') || 'system-ui, sans-serif'
Chart.defaults.font.size = 12
Chart.defaults.color = '#475467'
Chart.defaults.borderColor = '#eaecf0'
Chart.defaults.animation = { duration: 250 }
Chart.defaults.plugins.legend.labels.boxWidth = 12
Chart.defaults.plugins.legend.labels.boxHeight = 12

export { Chart }
