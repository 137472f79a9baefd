/** Runs: list, inspect, events, cancel, retry. */
import { Router } from 'express'
import { z } from 'zod'
import type { RunState } from '../../engine/state.js'
import { notFound } from '../errors.js'
import { searchRuns } from '../run-search.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'
import { parseQuery } from '../parse.js'

const statuses = ['running', 'waiting', 'completed', 'failed', 'cancelled'] as const
const listQuery = z.object({
  flowId: z.string().optional(),
  status: z.enum(statuses).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.string().optional(),
  /** Part of a run id or of any input value. */
  q: z.string().max(200).optional(),
  test: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  include: z.literal('input').optional(),
})
const afterQuery = z.object({ after: z.coerce.number().int().min(0).default(0) })
const cancelBody = z.object({ reason: z.string().max(2000).default('cancelled') })

/** The public view of a run. */
export function runView(state: RunState) {
  return {
    id: state.id,
    flowId: state.flowId,
    flowVersion: state.flowVersion,
    status: state.status,
    test: state.test,
    input: state.input,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    outcome: state.outcome,
    output: state.output,
    error: state.error,
    /** Set on a child run (a sub-flow): the run and step that started it. */
    parent: state.parent ?? null,
    /** Child runs this run started, oldest first. */
    children: Object.values(state.children ?? {}).map((c) => ({ runId: c.id, nodeId: c.nodeId, flowId: c.flowId, status: c.status, outcome: c.outcome ?? null })),
    waitingOn: Object.values(state.waits).map((w) => ({
      nodeId: w.nodeId,
      since: w.since,
      tasks: Object.values(state.tasks).filter((t) => t.exec === w.exec && t.status === 'open').map((t) => t.id),
      requests: Object.values(state.requests).filter((r) => r.exec === w.exec && r.status === 'open').map((r) => r.id),
    })),
  }
}

export function runRoutes(rt: RuntimeContext): Router {
  const router = Router()
  const runs = rt.store.runs

  router.get('/runs', async (req, res) => {
    const { include, ...query } = parseQuery(listQuery, req.query)
    res.json(await searchRuns(runs, { ...query, withInput: include === 'input' }))
  })

  router.get('/runs/:id', async (req, res) => {
    const state = await runs.getRun(req.params.id)
    if (!state) throw notFound(`run '${req.params.id}'`)
    res.json(runView(state))
  })

  router.get('/runs/:id/events', async (req, res) => {
    const after = parseQuery(afterQuery, req.query).after
    const events = await runs.getEvents(req.params.id, after)
    if (!events) throw notFound(`run '${req.params.id}'`)
    res.json(events)
  })

  router.post('/runs/:id/cancel', async (req, res) => {
    const { reason } = cancelBody.parse(req.body ?? {})
    res.json(runView(await rt.engine.cancelRun(req.params.id, reason, actorOf(req))))
  })

  router.post('/runs/:id/retry', async (req, res) => {
    res.json(runView(await rt.engine.retryRun(req.params.id, actorOf(req))))
  })

  return router
}
