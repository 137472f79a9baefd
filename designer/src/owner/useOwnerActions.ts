/**
 * What an owner does to a flow's parameters — save, approve, reject, roll
 * back, change the approval policy — each followed by a reload and a short
 * message saying what happened; a refusal (e.g. approving your own change)
 * is shown as the server explains it.
 */
import { learningApi } from '../api/learning'
import type { ParameterVersion, ParamValue } from '../api/learning-types'
import { toast } from '../ui/toast-store'

export function useOwnerActions(flowId: string, reload: () => Promise<void>) {
  const run = async <T>(work: () => Promise<T>, message: (result: T) => string): Promise<void> => {
    try {
      const result = await work()
      toast(message(result), 'success')
    } catch (e) {
      const text = (e as Error).message
      toast(text.charAt(0).toUpperCase() + text.slice(1), 'error')
      throw e
    } finally {
      await reload()
    }
  }
  const inForce = (v: ParameterVersion) => (v.status === 'approved' ? 'new cases use it from now on' : 'it waits for a second owner to approve it')
  return {
    save: (changes: Record<string, ParamValue>, reason: string) => run(() => learningApi.save(flowId, changes, reason), (v) => `Saved as version ${v.version}: ${inForce(v)}.`),
    approve: (v: ParameterVersion) => run(() => learningApi.approve(flowId, v.version), () => `Version ${v.version} approved: new cases use it from now on.`),
    reject: (v: ParameterVersion) => run(() => learningApi.reject(flowId, v.version), () => `Version ${v.version} will not be used.`),
    rollback: (v: ParameterVersion, reason: string) => run(() => learningApi.rollback(flowId, v.version, reason), (r) => `Rolled back to version ${v.version} as version ${r.version}: ${inForce(r)}.`),
    setPolicy: (requireApproval: boolean) =>
      run(() => learningApi.setPolicy(flowId, requireApproval), () => (requireApproval ? 'From now on a second owner approves every change.' : 'Changes now take effect when saved.')),
  }
}
