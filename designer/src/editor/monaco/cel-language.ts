/**
 * CEL in Monaco: a Monarch tokenizer (names, the `input`/`nodes`/`params`
 * roots, functions, numbers, strings, operators) for `inloop-cel`, the same
 * rules inside `{{ }}` for message templates (`inloop-template`), and one
 * completion provider for both that asks each editor for its own scope.
 */
import type { editor, languages } from 'monaco-editor/editor/editor.api'
import { completionsAt } from './completion-items'
import type { ScopeVariable } from '../inspector/scope'
import { monaco } from './monaco-setup'

export const CEL = 'inloop-cel'
export const TEMPLATE = 'inloop-template'

const celRules: languages.IMonarchLanguageRule[] = [
  [/\s+/, 'white'],
  [/\/\/.*$/, 'comment'],
  [/[A-Za-z_]\w*(?=\s*\()/, { cases: { '@keywords': 'keyword', '@default': 'function' } }],
  [/[A-Za-z_]\w*/, { cases: { '@keywords': 'keyword', '@roots': 'variable.predefined', '@default': 'identifier' } }],
  [/\d+\.\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+/, 'number.float'],
  [/0x[0-9a-fA-F]+u?|\d+u?/, 'number'],
  [/[rR]?"(?:[^"\\]|\\.)*"|[rR]?'(?:[^'\\]|\\.)*'/, 'string'],
  [/"(?:[^"\\]|\\.)*$|'(?:[^'\\]|\\.)*$/, 'string.invalid'],
  [/[{}()[\]]/, '@brackets'],
  [/&&|\|\||[<>!=]=|[<>!?:+\-*/%]/, 'operator'],
  [/[.,]/, 'delimiter'],
]

const shared = {
  keywords: ['true', 'false', 'null', 'in'],
  roots: ['input', 'nodes', 'params'],
}

const celLanguage: languages.IMonarchLanguage = { ...shared, tokenizer: { root: celRules } }

const templateLanguage: languages.IMonarchLanguage = {
  ...shared,
  tokenizer: {
    root: [
      [/\{\{/, { token: 'delimiter.placeholder', next: '@expression' }],
      [/[^{]+|\{/, 'text'],
    ],
    expression: [[/\}\}/, { token: 'delimiter.placeholder', next: '@pop' }], ...celRules],
  },
}

/** Each expression editor's model → the variables in scope for it (read when suggesting). */
const scopes = new Map<string, () => ScopeVariable[]>()

export function provideScope(model: editor.ITextModel, scope: () => ScopeVariable[]): () => void {
  const key = model.uri.toString()
  scopes.set(key, scope)
  return () => scopes.delete(key)
}

const KIND: Record<string, languages.CompletionItemKind> = {
  root: monaco.languages.CompletionItemKind.Module,
  input: monaco.languages.CompletionItemKind.Field,
  node: monaco.languages.CompletionItemKind.Class,
  field: monaco.languages.CompletionItemKind.Property,
  param: monaco.languages.CompletionItemKind.Constant,
  function: monaco.languages.CompletionItemKind.Function,
}

function completionProvider(language: 'cel' | 'template'): languages.CompletionItemProvider {
  return {
    triggerCharacters: ['.', '[', '{'],
    provideCompletionItems(model, position) {
      const before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: position.column })
      const found = completionsAt(before, language, scopes.get(model.uri.toString())?.() ?? [])
      if (!found) return { suggestions: [] }
      const start = model.getPositionAt(model.getOffsetAt(position) - found.typed.length)
      const range = { startLineNumber: start.lineNumber, startColumn: start.column, endLineNumber: position.lineNumber, endColumn: position.column }
      return {
        suggestions: found.items.map((c) => ({ label: { label: c.label, description: c.detail }, insertText: c.insert, filterText: c.label, sortText: c.sort, kind: KIND[c.kind], range })),
      }
    },
  }
}

let registered = false

export function registerCel(): void {
  if (registered) return
  registered = true
  for (const [id, def, lang] of [
    [CEL, celLanguage, 'cel'],
    [TEMPLATE, templateLanguage, 'template'],
  ] as const) {
    monaco.languages.register({ id })
    monaco.languages.setMonarchTokensProvider(id, def)
    monaco.languages.setLanguageConfiguration(id, {
      brackets: [['(', ')'], ['[', ']'], ['{', '}']],
      autoClosingPairs: lang === 'cel' ? [{ open: '(', close: ')' }, { open: '[', close: ']' }, { open: '"', close: '"', notIn: ['string'] }] : [],
      wordPattern: /[A-Za-z_]\w*/,
    })
    monaco.languages.registerCompletionItemProvider(id, completionProvider(lang))
  }
}
