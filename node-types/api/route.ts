/**
 * How an HTTP route is declared: once, with zod. The runtime mounts the
 * declaration (`runtime/http/route.ts`: it parses the path, query and body
 * with these schemas and is typed to answer the response schema), the
 * designer's client is typed from it, and `GET /api/openapi.json` is
 * generated from every declaration the app mounts. A route mounted without a
 * declaration fails `test/runtime/http/openapi.test.ts`.
 *
 * @example
 * export const getRun = defineRoute({
 *   method: 'get', path: '/runs/:id', tag: 'Runs', summary: 'One run',
 *   params: z.object({ id: z.string() }),
 *   responses: { 200: { description: 'The run', schema: runViewSchema } },
 * })
 */
import type { z } from 'zod'

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete'

export interface ResponseDeclaration {
  description: string
  /** The JSON answer; omit for an empty one (204) or when `contentType` names another format. */
  schema?: z.ZodType
  /** Default `application/json`. */
  contentType?: string
  /** Other formats the same answer comes in (e.g. `text/csv` with `?format=csv`), sent as text. */
  alsoAs?: string[]
  example?: unknown
}

export interface RouteDeclaration {
  method: HttpMethod
  /** Below `/api`, in express form: `/flows/:id`. */
  path: string
  /** The group the reference lists it under. */
  tag: string
  summary: string
  description?: string
  params?: z.ZodObject
  query?: z.ZodType
  /** The request body (JSON unless `bodyType` says otherwise). */
  body?: z.ZodType
  bodyType?: string
  /**
   * The handler checks the body itself (e.g. a flow, whose validator reports
   * every problem at once with 422): the schema only documents it, and the
   * handler gets the body unparsed.
   */
  bodyCheckedByHandler?: boolean
  bodyExample?: unknown
  /** The success answers (2xx); errors are added from the common error shape. */
  responses: Record<number, ResponseDeclaration>
  /** Error statuses this route answers besides the ones every route may (400, 401, 403, 500). */
  errors?: number[]
}

/** Declare a route; the value is kept as typed, so handlers and clients infer from it. */
export function defineRoute<const D extends RouteDeclaration>(declaration: D): D {
  return declaration
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined
type In<S> = S extends z.ZodType ? z.input<S> : undefined
type SuccessOf<D extends RouteDeclaration> = D['responses'][keyof D['responses']]

/** What a handler receives, parsed. */
export interface RouteInput<D extends RouteDeclaration> {
  params: D['params'] extends z.ZodObject ? z.output<D['params']> : Record<string, string>
  query: Out<D['query']>
  body: D['bodyCheckedByHandler'] extends true ? unknown : Out<D['body']>
}

/** What a handler may answer: any declared success body (or nothing, for an empty answer or a stream). */
export type RouteResult<D extends RouteDeclaration> = SuccessOf<D> extends infer R ? (R extends { schema: z.ZodType } ? z.input<R['schema']> : void) : never

/** What a client receives from a route (its first declared success answer). */
export type ResponseOf<D extends RouteDeclaration> = SuccessOf<D> extends infer R ? (R extends { schema: z.ZodType } ? z.output<R['schema']> : void) : never

/** What a client sends as the body. */
export type BodyOf<D extends RouteDeclaration> = In<D['body']>
