/**
 * The sign-in page at `/login`: username and password, then on to where the
 * browser was going (`?next=`, same site only). Plain DOM, like the portal.
 */
import { h, show, uid } from './dom.js'
import { LANGUAGES, pickLanguage } from './i18n.js'
import './portal.css'

const lang = pickLanguage(location.search, navigator.languages ?? [navigator.language])
const t = LANGUAGES[lang]
document.documentElement.lang = lang
const root = document.getElementById('app')!

/** Only a path on this site: never an open redirect to somewhere else. */
function nextPath(): string {
  const next = new URLSearchParams(location.search).get('next') ?? '/'
  return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/'
}

function render(): void {
  const userId = uid('username')
  const passId = uid('password')
  const problem = h('p', { class: 'problem', role: 'alert' })
  const button = h('button', { type: 'submit', class: 'button' }, t.signIn)
  const form = h(
    'form',
    { class: 'answer' },
    h('div', { class: 'field' }, h('label', { for: userId, class: 'label' }, t.username), h('input', { id: userId, name: 'username', type: 'text', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', required: true })),
    h('div', { class: 'field' }, h('label', { for: passId, class: 'label' }, t.password), h('input', { id: passId, name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('div', { class: 'actions' }, button),
    problem,
  )
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const data = new FormData(form)
    button.disabled = true
    problem.textContent = t.signingIn
    try {
      const res = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') }),
      })
      if (res.ok) {
        location.assign(nextPath())
        return
      }
      problem.textContent = res.status === 429 ? t.tooMany : res.status === 401 ? t.badLogin : t.signInFailed
    } catch {
      problem.textContent = t.signInFailed
    }
    button.disabled = false
  })
  show(root, t.signInTitle, h('main', { class: 'card' }, h('h1', {}, t.signInTitle), form))
  ;(form.querySelector('input') as HTMLInputElement).focus()
}

render()
