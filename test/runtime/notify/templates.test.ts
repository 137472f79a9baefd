import { describe, expect, it } from 'vitest'
import { renderLayout } from '../../../runtime/notify/templates.js'
import { renderTemplate } from '../../../node-types/expr/template.js'

describe('message layouts', () => {
  it('inserts values by dotted path', () => {
    expect(renderLayout('Hello {{ run.input.name }}, {{ message.subject }}', { run: { input: { name: 'Ada' } }, message: { subject: 'hi' } }, 'text')).toBe('Hello Ada, hi')
  })

  it('escapes values in HTML', () => {
    const html = renderLayout('<p>{{ name }}</p><a href="{{ link }}">go</a>', { name: '<script>alert(1)</script> & "co"', link: '/c/x"onmouseover="y' }, 'html')
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;</p><a href="/c/x&quot;onmouseover=&quot;y">go</a>')
  })

  it('never reads an inserted value as a template again', () => {
    expect(renderLayout('{{ name }}', { name: '{{ secret }}', secret: 'leaked' }, 'text')).toBe('{{ secret }}')
    expect(renderLayout('{{ name }}', { name: '{{#secret}}x{{/secret}}', secret: true }, 'html')).toBe('{{#secret}}x{{/secret}}')
  })

  it('keeps a section only when its value is there', () => {
    const layout = 'a{{#link}} [{{ link }}]{{/link}}b'
    expect(renderLayout(layout, { link: '/c/t' }, 'text')).toBe('a [/c/t]b')
    expect(renderLayout(layout, {}, 'text')).toBe('ab')
  })

  it('leaves unknown paths and inherited properties empty', () => {
    expect(renderLayout('[{{ nothing.here }}][{{ name.constructor }}]', { name: 'x' }, 'text')).toBe('[][]')
  })

  it('does not evaluate customer text in node message templates either', () => {
    expect(renderTemplate('Hello {{ input.name }}', { input: { name: '{{ input.secret }}', secret: 's3cret' } })).toBe('Hello {{ input.secret }}')
  })
})
