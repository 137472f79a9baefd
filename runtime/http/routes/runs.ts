/** Runs: list, inspect, events, cancel, retry. */
import { Router } from 'express'
import { runRoutes as routes, type RunEvent as RunEventWire } from '../../../node-types/api/runs.js'
import type { RunState } from '../../engine/state.js'
import { notFound } from '../errors.js'
import { searchRuns } from '../run-search.js'
import { actorOf, type RuntimeContext } from '../runtime-context.js'
import { mount } from '../route.js'

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

  mount(router, routes.list, ({ query: { include, ...query } }) => searchRuns(runs, { ...query, withInput: include === 'input' }))

  mount(router, routes.get, async ({ params }) => {
    const state = await runs.getRun(params.id)
    if (!state) throw notFound(`run '${params.id}'`)
    return runView(state)
  })

  mount(router, routes.events, async ({ params, query }) => {
    const events = await runs.getEvents(params.id, query.after)
    if (!events) throw notFound(`run '${params.id}'`)
    return events as unknown as RunEventWire[]
  })

  mount(router, routes.cancel, async ({ params, body }, req) => runView(await rt.engine.cancelRun(params.id, body?.reason ?? 'cancelled', actorOf(req))))

  mount(router, routes.retry, async ({ params }, req) => runView(await rt.engine.retryRun(params.id, actorOf(req))))

  return router
}
