/**
 * Mounting a declared route (`node-types/api/route.ts`): the path, query and
 * body are parsed with the declaration's schemas before the handler runs, the
 * handler is typed to answer the declared response, and the declaration stays
 * on the express route so `GET /api/openapi.json` lists exactly what is
 * mounted. Under test (INLOOP_CHECK_RESPONSES=1) every JSON answer is also
 * checked against its declared schema, so the document cannot drift from
 * what the server sends.
 */
import type { Request, Response, Router } from 'express'
import type { z } from 'zod'
import type { RouteDeclaration, RouteInput, RouteResult } from '../../node-types/api/route.js'
import { HttpError } from './errors.js'

/** A handler answers the declared body, or nothing when it sent the answer itself (a download, a stream). */
export type Handler<D extends RouteDeclaration> = (input: RouteInput<D>, req: Request, res: Response) => RouteResult<D> | void | Promise<RouteResult<D> | void>

/** The express route object, carrying the declaration it was mounted from. */
export interface DeclaredRoute {
  path: string
  methods: Record<string, boolean>
  declaration?: RouteDeclaration
}

/** Mount `route` on `router`: the only way an API route should be added. */
export function mount<const D extends RouteDeclaration>(router: Router, route: D, handler: Handler<D>): void {
  const expressRoute = router.route(route.path) as unknown as DeclaredRoute & Record<string, (fn: unknown) => void>
  expressRoute.declaration = route
  const status = successStatus(route)
  expressRoute[route.method](async (req: Request, res: Response) => {
    const input = {
      params: route.params ? parsePart(route.params, req.params, 'path') : req.params,
      query: route.query ? parsePart(route.query, req.query, 'query') : undefined,
      body: route.body && !route.bodyCheckedByHandler ? route.body.parse(req.body) : req.body,
    } as RouteInput<D>
    res.status(status)
    const result = await handler(input, req, res)
    if (res.headersSent) return
    if (result === undefined) {
      res.end()
      return
    }
    if (process.env.INLOOP_CHECK_RESPONSES === '1') checkResponse(route, res.statusCode, result)
    res.json(result)
  })
}

function successStatus(route: RouteDeclaration): number {
  return Math.min(...Object.keys(route.responses).map(Number))
}

function parsePart(schema: z.ZodType, value: unknown, where: 'path' | 'query'): unknown {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const problems = result.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }))
  throw new HttpError(400, 'BAD_REQUEST', problems.map((p) => `${p.path}: ${p.message}`).join('; '), { problems })
}

function checkResponse(route: RouteDeclaration, status: number, body: unknown): void {
  const declared = route.responses[status]
  if (!declared) throw new Error(`${route.method.toUpperCase()} ${route.path} answered ${status}, which its declaration does not list`)
  if (!declared.schema) return
  const result = declared.schema.safeParse(JSON.parse(JSON.stringify(body)))
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`${route.method.toUpperCase()} ${route.path} answered ${status} with a body its declaration does not allow: ${where}`)
  }
}
