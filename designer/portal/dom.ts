/**
 * A few lines instead of a framework: build elements from a tag, attributes
 * and children, and swap a page's content while moving focus to its heading
 * (so a screen reader announces the new page).
 */

type Attrs = Record<string, string | number | boolean | undefined | ((event: Event) => void)>
type Child = Node | string | false | null | undefined

/**
 * @example
 * h('button', { type: 'button', onclick: () => send() }, 'Send')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue
    if (typeof value === 'function') el.addEventListener(name.replace(/^on/, ''), value)
    else if (value === true) el.setAttribute(name, '')
    else el.setAttribute(name, String(value))
  }
  for (const child of children.flat()) {
    if (child === false || child === null || child === undefined) continue
    el.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return el
}

/** Replace what `root` shows and put focus on the new heading. */
export function show(root: HTMLElement, title: string, ...content: Node[]): void {
  document.title = title
  root.replaceChildren(...content)
  const heading = root.querySelector('h1')
  if (heading) {
    heading.setAttribute('tabindex', '-1')
    heading.focus()
  }
}

let ids = 0
/** A unique id for label/field pairs. */
export function uid(prefix: string): string {
  return `${prefix}-${++ids}`
}
