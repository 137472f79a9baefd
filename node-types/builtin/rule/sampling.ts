/**
 * Sampling for quality control: a share of the automatic outcomes goes to a
 * person anyway. The choice is a hash of the run id and node id, not a random
 * draw, so a replay or a what-if of the same run samples it the same way.
 */
import { z } from 'zod'

const portName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a port name is lowercase letters, digits and dashes')

export const samplingSchema = z
  .object({
    percent: z.number().min(0).max(100).meta({ title: 'Share to review (%)', description: 'Of the outcomes below; may be a parameter' }),
    from: z.array(portName).max(100).default([]).meta({ title: 'Outcomes to sample', description: 'Empty: every outcome except the review port and default' }),
    to: portName.default('default').meta({ title: 'Send the sample to port', description: 'Usually the one leading to a human review' }),
  })
  .meta({ title: 'Sampling', description: 'Send N% of automatic outcomes to review anyway' })
export type Sampling = z.infer<typeof samplingSchema>

/**
 * A number in [0, 1) that depends only on `key`: FNV-1a, then a murmur3
 * finaliser so that ids differing in one character spread evenly.
 *
 * @example
 * samplePoint('r_01J…:route') // 0.4127…
 */
export function samplePoint(key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 2 ** 32
}

/** Whether this run's outcome `port` at node `nodeId` is sampled. */
export function isSampled(sampling: Sampling | undefined, port: string, runId: string, nodeId: string): boolean {
  if (!sampling || sampling.percent <= 0 || port === sampling.to) return false
  const eligible = sampling.from.length > 0 ? sampling.from.includes(port) : port !== 'default'
  return eligible && samplePoint(`${runId}:${nodeId}`) * 100 < sampling.percent
}
