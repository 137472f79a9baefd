/** Health, the flow file's JSON Schema, the node types, and this API's own description. */
import { z } from 'zod'
import { defineRoute } from './route.js'

const jsonSchema = z.record(z.string(), z.unknown()).meta({ description: 'A JSON Schema' })

export const nodeTypeDescriptionSchema = z.object({
  type: z.string().meta({ example: 'human-review' }),
  version: z.number().int(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  icon: z.string(),
  color: z.string(),
  inputs: z.array(z.string()),
  /** Fixed output ports; empty when ports come from the config (see `dynamicOutputs`). */
  outputs: z.array(z.string()),
  dynamicOutputs: z.boolean(),
  waits: z.boolean(),
  configSchema: jsonSchema,
  defaults: z.record(z.string(), z.unknown()),
  /** `builtin`, or the file or package a custom type comes from. */
  origin: z.string().optional(),
})
export type NodeTypeDescription = z.infer<typeof nodeTypeDescriptionSchema>

export const nodeTypeProblemSchema = z.object({
  source: z.string(),
  code: z.string(),
  message: z.string(),
  type: z.string().optional(),
  export: z.string().optional(),
})

export const metaRoutes = {
  health: defineRoute({
    method: 'get',
    path: '/health',
    tag: 'Meta',
    summary: 'Is the server up, and which version',
    responses: { 200: { description: 'Up', schema: z.object({ ok: z.literal(true), version: z.string() }), example: { ok: true, version: '0.1.0' } } },
  }),
  flowSchema: defineRoute({
    method: 'get',
    path: '/schema/flow',
    tag: 'Meta',
    summary: 'The JSON Schema of the flow file',
    responses: { 200: { description: 'JSON Schema 2020-12', schema: jsonSchema } },
  }),
  openapi: defineRoute({
    method: 'get',
    path: '/openapi.json',
    tag: 'Meta',
    summary: 'This document: the OpenAPI 3.1 description of every route',
    description: 'Read it in a browser at `/api/docs`.',
    responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
  }),
  docs: defineRoute({
    method: 'get',
    path: '/docs',
    tag: 'Meta',
    summary: 'The API reference: this document as a page of the designer',
    description: 'A browser that is not signed in is sent to `/login` first.',
    responses: { 200: { description: 'The page', contentType: 'text/html' } },
  }),
  nodeTypes: defineRoute({
    method: 'get',
    path: '/node-types',
    tag: 'Node types',
    summary: 'Every installed node type, with its config as JSON Schema',
    responses: { 200: { description: 'Built-in and custom node types', schema: z.array(nodeTypeDescriptionSchema) } },
  }),
  nodeTypeProblems: defineRoute({
    method: 'get',
    path: '/node-types/problems',
    tag: 'Node types',
    summary: 'Custom node types that failed to load, and why',
    responses: { 200: { description: 'Problems, empty when all loaded', schema: z.array(nodeTypeProblemSchema) } },
  }),
}
