/**
 * The FlowDataStore of both stores: key checks, and an in-memory copy of each
 * document so reads never touch the disk. The persistence writes one durable
 * file per key (lowdb) or keeps a Map (memory).
 */
import type { FlowDataStore } from '../engine/store.js'
import { StoreError, assertSafeId } from './errors.js'

const SAFE_KEY = /^[a-z0-9][a-z0-9._-]{0,119}$/

export interface FlowDataPersistence {
  read(flowId: string, key: string): Promise<unknown | undefined>
  write(flowId: string, key: string, value: unknown): Promise<void>
}

/**
 * @example
 * const data = createFlowData(persistence)
 * await data.put('loan-approval', 'parameters', record)
 */
export function createFlowData(persistence: FlowDataPersistence): FlowDataStore & { forget(flowId: string): void } {
  const cache = new Map<string, unknown>()
  const check = (flowId: string, key: string): string => {
    assertSafeId('flow', flowId)
    if (!SAFE_KEY.test(key)) throw new StoreError('BAD_ID', `flow data key ${JSON.stringify(key)} is not valid: use lowercase letters, digits, ".", "_" or "-"`)
    return `${flowId}\u0000${key}`
  }
  return {
    async get(flowId, key) {
      const id = check(flowId, key)
      if (!cache.has(id)) cache.set(id, await persistence.read(flowId, key))
      return structuredClone(cache.get(id))
    },
    async put(flowId, key, value) {
      const id = check(flowId, key)
      const copy = structuredClone(value)
      await persistence.write(flowId, key, copy)
      cache.set(id, copy)
    },
    /** Drop cached documents of a deleted flow. */
    forget(flowId) {
      for (const id of [...cache.keys()]) if (id.startsWith(`${flowId}\u0000`)) cache.delete(id)
    },
  }
}

/** Wrap a flow store's `deleteFlow` so a deleted flow's cached data goes too. */
export function forgetDataOnDelete<F extends { deleteFlow(flowId: string): Promise<boolean> }>(flows: F, data: { forget(flowId: string): void }): F {
  const deleteFlow = flows.deleteFlow.bind(flows)
  return Object.assign(flows, {
    async deleteFlow(flowId: string) {
      const deleted = await deleteFlow(flowId)
      if (deleted) data.forget(flowId)
      return deleted
    },
  })
}
