/**
 * `GET /api/tasks/filters`: the flows and groups the caller's inbox can be
 * filtered by — for a reviewer, only flows with a step that assigns (or
 * escalates) a task to one of its groups, and only its groups.
 */
import { Router } from 'express'
import { taskFilterRoutes as routes, type TaskFilters } from '../../../node-types/api/inbox.js'
import type { Flow } from '../../../node-types/flow/schema.js'
import { principalOf } from '../principal.js'
import { mount } from '../route.js'
import type { RuntimeContext } from '../runtime-context.js'
import { canReadAllTasks } from './task-access.js'

/** Config keys that name the group a step's task goes to. */
const GROUP_KEYS = ['role', 'escalateTo']

/** The groups a flow's steps hand tasks to (plain names; a `{ $param }` role counts with the parameter's value in the file). */
export function groupsOfFlow(flow: Flow): string[] {
  const defaults = new Map((flow.parameters ?? []).map((p) => [p.name, p.value]))
  const out = new Set<string>()
  for (const node of flow.nodes) {
    const config = (node.config ?? {}) as Record<string, unknown>
    for (const key of GROUP_KEYS) {
      const value = config[key]
      const ref = value && typeof value === 'object' && '$param' in value ? defaults.get(String((value as { $param: unknown }).$param)) : value
      if (typeof ref === 'string' && ref) out.add(ref)
    }
  }
  return [...out]
}

export function taskFilterRoutes(rt: RuntimeContext): Router {
  const router = Router()
  mount(router, routes.filters, async (_input, req) => {
    const me = principalOf(req)
    const seesAll = canReadAllTasks(me)
    const mine = new Set(me.groups)
    const flows: TaskFilters['flows'] = []
    const groups = new Set<string>(seesAll ? [] : me.groups)
    for (const summary of await rt.store.flows.listFlows()) {
      const found = new Set<string>()
      const draft = await rt.store.flows.getDraft(summary.id)
      const published = summary.latestVersion > 0 ? await rt.store.flows.getVersion(summary.id, summary.latestVersion) : undefined
      for (const flow of [draft?.flow, published]) if (flow) for (const g of groupsOfFlow(flow)) found.add(g)
      const visible = seesAll ? [...found] : [...found].filter((g) => mine.has(g))
      if (visible.length === 0) continue
      flows.push({ id: summary.id, name: summary.name })
      if (seesAll) for (const g of visible) groups.add(g)
    }
    return { flows: flows.sort((a, b) => a.name.localeCompare(b.name)), groups: [...groups].sort() }
  })
  return router
}
