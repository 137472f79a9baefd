/**
 * The flow file: one JSON document per flow, the public contract between the
 * designer, the runtime and anyone who writes flows by hand. Its JSON Schema
 * is served at `GET /api/schema/flow`.
 */
import { z } from 'zod'

export const FLOW_SCHEMA_VERSION = 1

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "_", "." or "-", starting with a letter or digit')

export const parameterSchema = z
  .object({
    name: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a parameter name is an identifier: letters, digits and "_"')
      .meta({ description: 'How rules refer to it: params.<name>' }),
    label: z.string().min(1).meta({ description: 'What a business owner sees' }),
    type: z.enum(['number', 'integer', 'string', 'boolean', 'duration']),
    value: z.union([z.number(), z.string(), z.boolean()]),
    unit: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    step: z.number().positive().optional(),
    description: z.string().optional(),
  })
  .meta({ title: 'Parameter', description: 'A named value a business owner may change without touching the graph' })

export const positionSchema = z.object({ x: z.number(), y: z.number() })

export const flowNodeSchema = z.object({
  id,
  type: z.string().min(1),
  typeVersion: z.number().int().min(1),
  position: positionSchema,
  label: z.string().max(200).optional(),
  config: z.record(z.string(), z.unknown()).default({}),
})

export const flowEdgeSchema = z.object({
  id,
  source: z.string().min(1),
  sourcePort: z.string().min(1),
  target: z.string().min(1),
})

export const flowSchema = z
  .object({
    schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
    id,
    name: z.string().min(1).max(200),
    description: z.string().max(5000).default(''),
    version: z.number().int().min(0).default(0).meta({ description: 'Last published version; 0 if never published' }),
    parameters: z.array(parameterSchema).default([]),
    input: z
      .record(z.string(), z.unknown())
      .default({ type: 'object' })
      .meta({ description: 'JSON Schema of the input a run starts with' }),
    nodes: z.array(flowNodeSchema),
    edges: z.array(flowEdgeSchema).default([]),
  })
  .meta({ title: 'Inloop flow', description: 'A flow of AI steps, rules, human reviews and customer confirmations' })

export type FlowParameter = z.infer<typeof parameterSchema>
export type FlowNode = z.infer<typeof flowNodeSchema>
export type FlowEdge = z.infer<typeof flowEdgeSchema>
export type Flow = z.infer<typeof flowSchema>

/** The flow file's JSON Schema, as served by the API. */
export function flowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(flowSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
}
