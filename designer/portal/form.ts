/**
 * The answer form for each kind of request: confirm or reject, choose one
 * option (or ask for something else), fill in fields, rate 1–5 with a
 * comment. Native controls with labels and fieldsets, so keyboard and
 * screen reader work without extra code.
 */
import type { CustomerRequest, GivenAnswer } from './api.js'
import { h, uid } from './dom.js'
import { optionLabel } from './format.js'
import { fill, type Texts } from './i18n.js'

export interface AnswerForm {
  element: HTMLFormElement
  /** Show a problem next to the send button (and announce it). */
  problem(text: string): void
  busy(on: boolean): void
}

export function answerForm(request: CustomerRequest, t: Texts, lang: string, submit: (answer: GivenAnswer) => void): AnswerForm {
  const problem = h('p', { class: 'problem', role: 'alert' })
  const buttons: HTMLButtonElement[] = []
  const button = (label: string, attrs: Record<string, string> = {}) => {
    const b = h('button', { type: 'submit', class: 'button', ...attrs }, label)
    buttons.push(b)
    return b
  }
  const comment = (label: string, id = uid('comment')) => [h('label', { for: id, class: 'label' }, label), h('textarea', { id, name: 'comment', rows: 3, maxlength: 2000 })]

  let body: Node[]
  let collect: (form: HTMLFormElement, submitter: HTMLElement | null) => GivenAnswer | string
  if (request.kind === 'confirm') {
    body = [...comment(t.comment), h('div', { class: 'actions' }, button(t.confirm, { name: 'answer', value: 'confirm' }), button(t.reject, { name: 'answer', value: 'reject', class: 'button secondary' }))]
    collect = (form, submitter) => ({ answer: submitter?.getAttribute('value') ?? 'confirm', data: withComment(form, {}) })
  } else if (request.kind === 'choose') {
    const name = uid('option')
    const allowOther = request.answers.includes('other')
    const otherId = uid('other-comment')
    const radios = (request.options ?? []).map((o) => choice(name, o.value, optionLabel(o.label, lang)))
    if (allowOther) radios.push(choice(name, '__other__', t.other))
    // What would suit instead is asked only of a customer who picks “none of these”.
    const other = h('div', { hidden: true }, ...comment(t.otherComment, otherId))
    const group = h('fieldset', { class: 'choices' }, h('legend', { class: 'legend' }, t.chooseLegend), ...radios)
    group.addEventListener('change', (event) => {
      other.hidden = (event.target as HTMLInputElement).value !== '__other__'
    })
    body = [group, ...(allowOther ? [other] : []), h('div', { class: 'actions' }, button(t.send))]
    collect = (form) => {
      const picked = (form.elements.namedItem(name) as RadioNodeList | null)?.value
      if (!picked) return t.pickOne
      if (picked === '__other__') return { answer: 'other', data: withComment(form, {}) }
      return { answer: 'choose', data: { option: picked } }
    }
  } else if (request.kind === 'rate') {
    const name = uid('rating')
    body = [
      h('fieldset', { class: 'rating' }, h('legend', { class: 'legend' }, t.rateLegend), ...t.ratings.map((label, i) => choice(name, String(i + 1), `${i + 1} · ${label}`, 'star'))),
      ...comment(t.comment),
      h('div', { class: 'actions' }, button(t.send)),
    ]
    collect = (form) => {
      const picked = (form.elements.namedItem(name) as RadioNodeList | null)?.value
      return picked ? { answer: 'rate', data: withComment(form, { rating: Number(picked) }) } : t.pickRating
    }
  } else {
    const fields = request.fields ?? []
    body = [...fields.map((f) => field(f, t)), h('div', { class: 'actions' }, button(t.send))]
    collect = (form) => {
      const data: Record<string, unknown> = {}
      for (const f of fields) {
        const input = form.elements.namedItem(f.name) as HTMLInputElement
        if (f.type === 'boolean') data[f.name] = input.checked
        else if (input.value.trim() === '') return fill(t.fillIn, { field: f.label })
        else data[f.name] = f.type === 'number' ? Number(input.value) : input.value.trim()
      }
      return { answer: 'submit', data }
    }
  }

  const element = h('form', { class: 'answer', novalidate: true }, ...body, problem)
  element.addEventListener('submit', (event) => {
    event.preventDefault()
    const result = collect(element, (event as SubmitEvent).submitter)
    if (typeof result === 'string') {
      problem.textContent = result
      return
    }
    problem.textContent = ''
    submit(result)
  })
  return {
    element,
    problem: (text) => (problem.textContent = text),
    busy(on) {
      for (const b of buttons) b.disabled = on
      element.setAttribute('aria-busy', String(on))
      if (on) problem.textContent = t.sending
    },
  }
}

function choice(name: string, value: string, label: string, look = 'choice'): HTMLLabelElement {
  return h('label', { class: look }, h('input', { type: 'radio', name, value }), h('span', {}, label))
}

function field(f: NonNullable<CustomerRequest['fields']>[number], t: Texts): HTMLElement {
  const id = uid(`field-${f.name}`)
  if (f.type === 'boolean') return h('label', { class: 'check', for: id }, h('input', { id, name: f.name, type: 'checkbox' }), h('span', {}, `${f.label} — ${t.yes}`))
  const type = f.type === 'number' ? 'number' : f.type === 'date' ? 'date' : 'text'
  return h('div', { class: 'field' }, h('label', { for: id, class: 'label' }, f.label), h('input', { id, name: f.name, type, required: true, ...(type === 'number' ? { inputmode: 'decimal', step: 'any' } : {}) }))
}

function withComment(form: HTMLFormElement, data: Record<string, unknown>): Record<string, unknown> {
  const text = (form.elements.namedItem('comment') as HTMLTextAreaElement | null)?.value.trim()
  return text ? { ...data, comment: text } : data
}
