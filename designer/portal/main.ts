/**
 * The customer portal at `/c/<token>`: a customer opens the link from a
 * message on their phone, reads the request and answers it. Plain DOM and
 * no framework, so the page is a few kilobytes and loads nothing from the
 * designer.
 */
import { loadRequest, sendAnswer, type CustomerRequest, type GivenAnswer, type Loaded } from './api.js'
import { h, show } from './dom.js'
import { dateTime } from './format.js'
import { answerForm } from './form.js'
import { LANGUAGES, fill, pickLanguage, pickLocale } from './i18n.js'
import { statusPage } from './pages.js'
import './portal.css'

const preferred = navigator.languages ?? [navigator.language]
const lang = pickLanguage(location.search, preferred)
const t = LANGUAGES[lang]
/** For dates: en-GB writes 14 March, en-US March 14. */
const locale = pickLocale(lang, preferred)
document.documentElement.lang = lang
const root = document.getElementById('app')!
const token = decodeURIComponent(location.pathname.replace(/^\/c\//, '').replace(/\/+$/, ''))

function languageSwitch(): HTMLElement {
  const params = new URLSearchParams(location.search)
  params.set('lang', t.switchLanguageCode)
  return h('p', { class: 'switch' }, h('a', { href: `?${params}`, lang: t.switchLanguageCode, hreflang: t.switchLanguageCode }, t.switchLanguage))
}

function render(outcome: Loaded, answer?: GivenAnswer): void {
  if (outcome.state === 'open') return renderForm(outcome.request)
  if (outcome.state === 'invalid') return
  const page = statusPage(outcome.state, t, locale, {
    answer: outcome.state === 'answered' ? outcome.answer : outcome.state === 'sent' ? answer : undefined,
    retry: outcome.state === 'error' ? () => void start() : undefined,
  })
  show(root, page.title, h('main', { class: 'card' }, ...page.nodes), languageSwitch())
}

function renderForm(request: CustomerRequest): void {
  const form = answerForm(request, t, locale, async (answer) => {
    form.busy(true)
    const outcome = await sendAnswer(token, answer)
    form.busy(false)
    if (outcome.state === 'invalid') form.problem(outcome.message)
    else render(outcome, answer)
  })
  show(
    root,
    request.subject,
    h(
      'main',
      { class: 'card' },
      h('h1', {}, request.subject),
      h('p', { class: 'message' }, request.message),
      h('p', { class: 'due' }, fill(t.answerBy, { date: dateTime(request.expiresAt, locale) })),
      form.element,
    ),
    languageSwitch(),
  )
}

async function start(): Promise<void> {
  root.replaceChildren(h('p', { class: 'loading', role: 'status' }, t.loading))
  render(token ? await loadRequest(token) : { state: 'not-found' })
}

void start()
