/**
 * The home page: every flow with its latest published version and draft
 * state; create, open, rename, duplicate, delete, import and export.
 */
import { useRef, useState } from 'react'
import { api, ApiError } from '../api/client'
import type { Flow, FlowSummary, Problem } from '../api/types'
import { editorPath, navigate } from '../app/router'
import { isOnlyOwner, useCurrentUser } from '../app/useCurrentUser'
import { AppNav } from '../app/AppNav'
import { UserMenu } from '../app/UserMenu'
import { downloadJson } from '../ui/format'
import { Icon } from '../ui/Icon'
import { toast } from '../ui/toast-store'
import { copyOf, newFlow, parseImport } from './flow-documents'
import { FlowRow } from './FlowRow'
import { ImportProblemsDialog } from './ImportProblemsDialog'
import { NameDialog } from './NameDialog'
import { useFlowList } from './useFlowList'

type Dialog = { kind: 'new' } | { kind: 'rename'; flow: FlowSummary } | { kind: 'import-problems'; file: string; problems: Problem[]; flow?: Flow } | null

export function FlowListPage() {
  const { flows, error, reload } = useFlowList()
  const [dialog, setDialog] = useState<Dialog>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const ids = (flows ?? []).map((f) => f.id)
  const ownerOnly = isOnlyOwner(useCurrentUser())

  const create = async (name: string) => {
    const flow = newFlow(name, ids)
    await guard(() => api.saveFlow(flow))
    navigate(editorPath(flow.id))
  }
  const rename = async (summary: FlowSummary, name: string) => {
    const { flow } = await api.getFlow(summary.id)
    await guard(() => api.saveFlow({ ...flow, name }))
    setDialog(null)
    void reload()
  }
  const duplicate = async (summary: FlowSummary) => {
    const { flow } = await api.getFlow(summary.id)
    const copy = copyOf(flow, ids)
    await guard(() => api.saveFlow(copy))
    toast(`Duplicated as “${copy.name}”`, 'success')
    void reload()
  }
  const remove = async (summary: FlowSummary) => {
    if (!confirm(`Delete “${summary.name}” and all its versions? This cannot be undone.`)) return
    await guard(() => api.deleteFlow(summary.id))
    toast(`Deleted “${summary.name}”`)
    void reload()
  }
  const exportFlow = async (summary: FlowSummary) => {
    const { flow } = await api.getFlow(summary.id)
    downloadJson(`${flow.id}.flow.json`, flow)
  }
  const importFile = async (file: File) => {
    const parsed = parseImport(await file.text())
    if (!parsed.ok) return setDialog({ kind: 'import-problems', file: file.name, problems: parsed.problems })
    const flow = ids.includes(parsed.flow.id) ? copyOf(parsed.flow, ids) : parsed.flow
    if (flow !== parsed.flow) flow.name = parsed.flow.name
    const problems = await api.validate(flow).catch((e: Error) => [{ path: '$', code: 'schema.invalid', message: e.message } as Problem])
    if (problems.length > 0) return setDialog({ kind: 'import-problems', file: file.name, problems, flow })
    await store(flow)
  }
  const store = async (flow: Flow) => {
    try {
      await api.saveFlow(flow)
    } catch (e) {
      const problems = e instanceof ApiError ? e.problems : []
      return setDialog({ kind: 'import-problems', file: flow.id, problems: problems.length ? problems : [{ path: '$', code: 'schema.invalid', message: (e as Error).message }] })
    }
    setDialog(null)
    toast(`Imported “${flow.name}”`, 'success')
    navigate(editorPath(flow.id))
  }

  return (
    <div className="home">
      <header className="home-header">
        <div className="app-header-start">
          <div className="brand">
            <span className="brand-mark" aria-hidden />
            Inloop
          </div>
          <AppNav />
        </div>
        <div className="home-actions">
          <UserMenu />
          {!ownerOnly && (
            <>
              <button className="button" onClick={() => fileInput.current?.click()}>
                <Icon name="upload" /> Import
              </button>
              <button className="button button-primary" onClick={() => setDialog({ kind: 'new' })} data-testid="new-flow">
                <Icon name="plus" /> New flow
              </button>
            </>
          )}
          <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="import-file" onChange={(e) => {
            const file = e.target.files?.[0]
            e.target.value = ''
            if (file) void importFile(file)
          }} />
        </div>
      </header>
      <main className="home-main">
        <h1>Flows</h1>
        <p className="muted">AI proposes, rules decide what is safe to automate, people review the rest.</p>
        {error && <div className="banner banner-error">Could not load flows: {error}</div>}
        {flows === null && !error && <div className="skeleton-list" aria-busy="true" />}
        {flows?.length === 0 && (
          <div className="empty-state">
            <Icon name="workflow" size={32} />
            <h2>No flows yet</h2>
            <p>Create a flow and drag steps onto the canvas, or import a flow file.</p>
            <button className="button button-primary" onClick={() => setDialog({ kind: 'new' })}>
              <Icon name="plus" /> New flow
            </button>
          </div>
        )}
        {flows && flows.length > 0 && (
          <ul className="flow-list" data-testid="flow-list">
            {flows.map((f) => (
              <FlowRow key={f.id} flow={f} ownerOnly={ownerOnly} onRename={() => setDialog({ kind: 'rename', flow: f })} onDuplicate={() => duplicate(f)} onDelete={() => remove(f)} onExport={() => exportFlow(f)} />
            ))}
          </ul>
        )}
      </main>
      {dialog?.kind === 'new' && <NameDialog title="New flow" action="Create" initial="" onClose={() => setDialog(null)} onSubmit={create} />}
      {dialog?.kind === 'rename' && <NameDialog title="Rename flow" action="Rename" initial={dialog.flow.name} onClose={() => setDialog(null)} onSubmit={(name) => rename(dialog.flow, name)} />}
      {dialog?.kind === 'import-problems' && (
        <ImportProblemsDialog file={dialog.file} problems={dialog.problems} onClose={() => setDialog(null)} onImportAnyway={dialog.flow ? () => store(dialog.flow!) : undefined} />
      )}
    </div>
  )
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (e) {
    toast((e as Error).message, 'error')
    throw e
  }
}
