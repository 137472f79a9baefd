/**
 * The OpenAPI 3.1 document of the mounted API, built from the route
 * declarations (`node-types/api/`) and the role table
 * (`runtime/auth/permissions.ts`): paths, parameters, bodies, answers,
 * who may call each route, the common errors and examples.
 */
import type { Router } from 'express'
import { errorSchema } from '../../../node-types/api/common.js'
import type { RouteDeclaration } from '../../../node-types/api/route.js'
import { accessFor } from '../../auth/permissions.js'
import { SESSION_COOKIE } from '../cookies.js'
import { declaredRoutes } from './walk.js'
import { SchemaComponents } from './json-schema.js'

type Json = Record<string, unknown>

const ERRORS: Record<number, string> = {
  400: 'The request is not valid: `error.problems` says what and where',
  401: 'Not signed in: sign in (`POST /api/auth/login`) or send `Authorization: Bearer <API key>`',
  403: 'Signed in, but without the role this needs (or a write from another site)',
  404: 'What the path names does not exist',
  409: 'It conflicts with the current state (e.g. already decided, still in use)',
  410: 'It is gone (e.g. an expired or answered customer link)',
  413: 'The body is too large',
  422: 'Well-formed, but not acceptable: `error.problems` says why',
  500: 'Something went wrong on the server; the message gives an id to quote',
}

export function openApiDocument(api: Router, version: string): Json {
  const components = new SchemaComponents()
  const errorRef = { $ref: '#/components/schemas/Error' }
  const paths: Record<string, Json> = {}
  for (const route of declaredRoutes(api)) {
    const d = route.declaration
    if (!d) continue
    const path = `/api${d.path.replace(/:(\w+)/g, '{$1}')}`
    paths[path] ??= {}
    paths[path][d.method] = operation(d, components, errorRef)
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Inloop API',
      version,
      description:
        'Flows, runs, the reviewer inbox, customer links, parameters and the learning loop. Every error is `{ "error": { "code", "message", "problems"? } }` with a stable code. People sign in with a session cookie; programs send an API key as a bearer token.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [...new Set(Object.values(paths).flatMap((p) => Object.values(p).map((o) => (o as { tags: string[] }).tags[0])))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: components.convert(errorSchema, 'output'), ...components.schemas },
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key an admin created (`POST /api/keys`). An admin key may act for a person with `X-Inloop-User`.' },
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie `POST /api/auth/login` sets.' },
      },
    },
  }
}

function operation(d: RouteDeclaration, components: SchemaComponents, errorRef: Json): Json {
  const access = accessFor(d.method.toUpperCase(), d.path.replace(/:(\w+)/g, 'x'))
  const isPublic = access === 'public'
  const roles = isPublic ? 'anyone' : access === 'signed-in' ? 'anyone signed in' : `the ${access.join(' or ')} role`
  const parameters = [...params(d.params, 'path', components), ...params(d.query, 'query', components)]
  const responses: Json = {}
  for (const [status, r] of Object.entries(d.responses)) {
    const type = r.contentType ?? 'application/json'
    const content: Record<string, unknown> | undefined = r.schema || r.contentType ? { [type]: { ...(r.schema ? { schema: components.convert(r.schema, 'output') } : {}), ...(r.example !== undefined ? { example: r.example } : {}) } } : undefined
    for (const other of r.alsoAs ?? []) if (content) content[other] = { schema: { type: 'string' } }
    responses[status] = { description: r.description, ...(content ? { content } : {}) }
  }
  const errors = new Set([500, ...(isPublic ? [] : [401, 403]), ...(d.params || d.query || d.body ? [400] : []), ...(d.errors ?? [])])
  for (const status of [...errors].sort()) responses[status] = { description: ERRORS[status] ?? 'An error', content: { 'application/json': { schema: errorRef } } }
  return {
    operationId: operationId(d),
    tags: [d.tag],
    summary: d.summary,
    description: `${d.description ? `${d.description}\n\n` : ''}Who may call it: ${roles}.`,
    ...(parameters.length ? { parameters } : {}),
    ...(d.body ? { requestBody: { required: !d.body.safeParse(undefined).success, content: { [d.bodyType ?? 'application/json']: { schema: d.bodyType && d.bodyType !== 'application/json' ? { type: 'string' } : components.convert(d.body, 'input'), ...(d.bodyExample !== undefined ? { example: d.bodyExample } : {}) } } } } : {}),
    responses,
    security: isPublic ? [] : [{ session: [] }, { apiKey: [] }],
    ...(Array.isArray(access) ? { 'x-inloop-roles': access } : {}),
  }
}

function params(schema: RouteDeclaration['query'], where: 'path' | 'query', components: SchemaComponents): Json[] {
  if (!schema) return []
  const json = components.convert(schema, 'input') as { properties?: Record<string, Json>; required?: string[] }
  return Object.entries(json.properties ?? {}).map(([name, s]) => {
    const { description, ...rest } = s
    return { name, in: where, required: where === 'path' || (json.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest }
  })
}

function operationId(d: RouteDeclaration): string {
  const words = d.path.split('/').filter(Boolean).map((w) => (w.startsWith(':') ? `by-${w.slice(1)}` : w))
  return [d.method, ...words].join('-').replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())
}
