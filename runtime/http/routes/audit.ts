/** `GET /api/runs/:id/audit`: who did what when, as JSON, or `?format=csv|jsonl` to download. */
import { Router } from 'express'
import { runRoutes as routes } from '../../../node-types/api/runs.js'
import { auditCsv, auditJsonl } from '../../audit/export.js'
import { auditTimeline } from '../../audit/timeline.js'
import { notFound } from '../errors.js'
import { mount } from '../route.js'
import type { RuntimeContext } from '../runtime-context.js'

export function auditRoutes(rt: RuntimeContext): Router {
  const router = Router()

  mount(router, routes.audit, async ({ params, query: { format } }, _req, res) => {
    const runs = rt.store.runs
    const [state, events] = await Promise.all([runs.getRun(params.id), runs.getEvents(params.id)])
    if (!state || !events) throw notFound(`run '${params.id}'`)
    let flowName = state.flowId
    const labels: Record<string, string> = {}
    try {
      const { flow } = await rt.engine.compiledFor(state.flowId, state.flowVersion, state.params, state.flowSnapshot)
      flowName = flow.name
      for (const node of flow.nodes) labels[node.id] = node.label ?? node.id
    } catch {
      // Without its flow version the trail still reads, with step ids for names.
    }
    const entries = auditTimeline(events, labels)
    const file = `run-${state.id}-audit`
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').attachment(`${file}.csv`).send(auditCsv(entries))
      return
    }
    if (format === 'jsonl') {
      res.type('application/x-ndjson; charset=utf-8').attachment(`${file}.jsonl`).send(auditJsonl(entries))
      return
    }
    return { runId: state.id, flowId: state.flowId, flowName, flowVersion: state.flowVersion, status: state.status, outcome: state.outcome, test: state.test, entries }
  })

  return router
}
