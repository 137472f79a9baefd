/**
 * Whether text typed in the JSON view may replace the flow on the canvas:
 * it must parse, have the flow file's shape (the same zod schema the
 * runtime uses) and keep the flow's id. Anything else is a list of
 * problems and the canvas stays as it is.
 */
import { flowSchema } from '../../../../node-types/flow/schema'
import type { Flow } from '../../api/types'

export type JsonApply = { ok: true; flow: Flow } | { ok: false; problems: string[]; syntax?: boolean }

export function parseFlowText(text: string, currentId: string): JsonApply {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return { ok: false, problems: [`not valid JSON yet: ${(error as Error).message}`], syntax: true }
  }
  const parsed = flowSchema.safeParse(data)
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 20).map((i) => `${i.path.length ? i.path.join('.') : 'the flow'}: ${i.message}`) }
  }
  if (parsed.data.id !== currentId) return { ok: false, problems: [`id: this flow is “${currentId}”; rename it from the flow list, not here`] }
  return { ok: true, flow: parsed.data as Flow }
}

/** The text the view shows for a flow. */
export const flowText = (flow: Flow): string => JSON.stringify(flow, null, 2)
