/**
 * Monaco, trimmed to what the designer uses: the core editor and diff
 * editor, suggestions, hovers, find, folding, bracket matching and the JSON
 * language with schema validation. Its two workers are bundled by Vite
 * (`?worker`). Only ever imported lazily, so the canvas never waits for it.
 */
import * as monaco from 'monaco-editor/editor/editor.api'
import 'monaco-editor/features/codicon/register'
import 'monaco-editor/features/codeEditor/register'
import 'monaco-editor/features/diffEditor/register'
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'
import 'monaco-editor/features/suggest/register'
import 'monaco-editor/features/snippet/register'
import 'monaco-editor/features/hover/register'
import 'monaco-editor/features/find/register'
import 'monaco-editor/features/folding/register'
import 'monaco-editor/features/bracketMatching/register'
import 'monaco-editor/features/clipboard/register'
import 'monaco-editor/features/contextmenu/register'
import 'monaco-editor/features/comment/register'
import 'monaco-editor/features/cursorUndo/register'
import 'monaco-editor/features/gotoError/register'
import 'monaco-editor/features/wordOperations/register'
import 'monaco-editor/features/linesOperations/register'
import 'monaco-editor/features/multicursor/register'
import 'monaco-editor/features/format/register'
import 'monaco-editor/features/placeholderText/register'
// Services the JSON language's features ask for (outline, code lenses, drop into the editor).
import 'monaco-editor/features/documentSymbols/register'
import 'monaco-editor/features/codelens/register'
import 'monaco-editor/features/dropOrPasteInto/register'
import { jsonDefaults } from 'monaco-editor/languages/features/json/register'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import JsonWorker from 'monaco-editor/language/json/json.worker?worker'

globalThis.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
}

monaco.editor.defineTheme('inloop', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'keyword', foreground: '7c3aed' },
    { token: 'variable.predefined', foreground: '4f46e5', fontStyle: 'bold' },
    { token: 'identifier', foreground: '101828' },
    { token: 'function', foreground: '0e7490' },
    { token: 'number', foreground: 'c2410c' },
    { token: 'string', foreground: '067647' },
    { token: 'operator', foreground: '475467' },
    { token: 'delimiter.placeholder', foreground: '4f46e5', fontStyle: 'bold' },
    { token: 'text', foreground: '344054' },
    { token: 'comment', foreground: '98a2b3', fontStyle: 'italic' },
  ],
  colors: {
    'editor.background': '#ffffff',
    'editor.lineHighlightBackground': '#f8f9fc',
    'editorLineNumber.foreground': '#98a2b3',
    'editorSuggestWidget.selectedBackground': '#eef2ff',
    'editorSuggestWidget.selectedForeground': '#101828',
    'editorSuggestWidget.highlightForeground': '#4338ca',
    'editorSuggestWidget.focusHighlightForeground': '#4338ca',
  },
})

export { monaco, jsonDefaults }
