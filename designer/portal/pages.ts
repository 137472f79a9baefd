/** The portal's pages besides the form: thank you, already answered, expired, closed, not found, error. */
import type { GivenAnswer } from './api.js'
import { h } from './dom.js'
import { optionLabel } from './format.js'
import { fill, type Texts } from './i18n.js'

export type StatusPage = 'sent' | 'answered' | 'expired' | 'closed' | 'not-found' | 'error'

/** Line icons as SVG paths (24×24): no icon font, nothing that a phone may lack a glyph for. */
const CHECK = 'M5 12.5l4.5 4.5L19 7.5'
const ICONS: Record<StatusPage, string> = {
  sent: CHECK,
  answered: CHECK,
  expired: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3.5 2',
  closed: 'M6 12h12',
  'not-found': 'M9 9.5a3 3 0 1 1 4.5 2.6c-.9.5-1.5 1.2-1.5 2.2v.7M12 18.2v.3',
  error: 'M12 6v8M12 18v.3',
}

function icon(path: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg'
  const svg = document.createElementNS(ns, 'svg')
  svg.setAttribute('viewBox', '0 0 24 24')
  svg.setAttribute('width', '28')
  svg.setAttribute('height', '28')
  const line = document.createElementNS(ns, 'path')
  for (const [k, v] of Object.entries({ d: path, fill: 'none', stroke: 'currentColor', 'stroke-width': '2.5', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' })) line.setAttribute(k, v)
  svg.append(line)
  return svg
}

export function statusPage(page: StatusPage, t: Texts, lang: string, options: { answer?: GivenAnswer; retry?: () => void } = {}): { title: string; nodes: Node[] } {
  const [title, text] = {
    sent: [t.thanksTitle, t.thanksText],
    answered: [t.answeredTitle, t.answeredText],
    expired: [t.expiredTitle, t.expiredText],
    closed: [t.closedTitle, t.closedText],
    'not-found': [t.notFoundTitle, t.notFoundText],
    error: [t.errorTitle, t.errorText],
  }[page]
  const tone = page === 'sent' || page === 'answered' ? 'good' : page === 'error' || page === 'not-found' ? 'bad' : 'neutral'
  const nodes: Node[] = [
    h('div', { class: `badge ${tone}`, 'aria-hidden': 'true' }, icon(ICONS[page])),
    h('h1', {}, title),
    h('p', { class: 'lead' }, text),
  ]
  if (options.answer) nodes.push(h('p', { class: 'given' }, h('strong', {}, `${t.yourAnswer}: `), describeAnswer(options.answer, t, lang)))
  if (options.retry) nodes.push(h('div', { class: 'actions' }, h('button', { type: 'button', class: 'button', onclick: options.retry }, t.retry)))
  return { title, nodes }
}

export function describeAnswer(given: GivenAnswer, t: Texts, lang: string): string {
  const data = given.data ?? {}
  const main =
    given.answer === 'choose'
      ? optionLabel(String(data.option ?? ''), lang)
      : given.answer === 'confirm'
        ? t.answerConfirm
        : given.answer === 'reject'
          ? t.answerReject
          : given.answer === 'other'
            ? t.answerOther
            : given.answer === 'rate'
              ? fill(t.answerRate, { n: String(data.rating ?? '') })
              : t.answerSubmit
  return typeof data.comment === 'string' && data.comment ? `${main} — “${data.comment}”` : main
}
