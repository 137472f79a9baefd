/**
 * The inbox's filter choices: `GET /api/tasks/filters`. Declared once, for the
 * route that answers and the inbox that draws its filter bar.
 */
import { z } from 'zod'
import { defineRoute } from './route.js'

/**
 * What the caller may filter its inbox by: the flows that can give it a task
 * (a step assigns or escalates to one of its groups) and those groups. A
 * reviewer never sees a flow or a group whose tasks it cannot see.
 */
export const taskFiltersSchema = z.object({
  flows: z.array(z.object({ id: z.string(), name: z.string() })),
  groups: z.array(z.string()),
})

export type TaskFilters = z.infer<typeof taskFiltersSchema>

export const taskFilterRoutes = {
  filters: defineRoute({ method: 'get', path: '/tasks/filters', tag: 'Tasks', summary: "The flows and groups the caller's inbox can be filtered by", responses: { 200: { description: 'Filter choices', schema: taskFiltersSchema } } }),
}
