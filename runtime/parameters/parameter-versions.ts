/**
 * Parameter versions of one flow, as pure transitions on a record: propose a
 * change (in force at once, or pending a second person), approve, reject,
 * roll back. Every version says who, when, why and with which values; none is
 * ever edited away, so the record is the audit trail.
 */
import type { CandidateEvaluation } from '../../node-types/api/learning-loop.js'
import type { ParamValue } from '../../node-types/api/parameters.js'
import type { Json } from '../../node-types/sdk/types.js'
import { LearningError } from '../learning/errors.js'

export type ParameterStatus = 'pending' | 'approved' | 'rejected' | 'superseded'

export interface ParameterVersion {
  version: number
  kind: 'change' | 'rollback' | 'retrain'
  /** Every owner-set value in force with this version (merged over the one before). */
  values: Record<string, ParamValue>
  /** AI step node id → the dataset version it was retrained with. */
  datasets: Record<string, string>
  reason: string
  createdBy: string
  createdAt: string
  status: ParameterStatus
  rollbackOf?: number
  /** Who approved or rejected it, when, and why. */
  decidedBy?: string
  decidedAt?: string
  decisionNote?: string
  /** When new runs started using it. */
  effectiveFrom?: string
  /** A model the learning loop proposed, with how it and the model in force did on newer answers. */
  candidate?: CandidateEvaluation
}

export interface ParameterRecord {
  flowId: string
  /** A second person must approve a change before it takes effect. */
  requireApproval: boolean
  policyChangedBy?: string
  policyChangedAt?: string
  /** The version new runs use; null while the flow's own values apply. */
  current: number | null
  versions: ParameterVersion[]
}

export interface Proposal {
  kind: ParameterVersion['kind']
  values: Record<string, ParamValue>
  datasets: Record<string, string>
  reason: string
  by: string
  at: string
  rollbackOf?: number
  /** A candidate model: always waits for an owner, and leaves owners' pending changes alone. */
  candidate?: CandidateEvaluation
}

export function emptyRecord(flowId: string): ParameterRecord {
  return { flowId, requireApproval: false, current: null, versions: [] }
}

export function currentVersion(record: ParameterRecord): ParameterVersion | undefined {
  return record.current === null ? undefined : record.versions.find((v) => v.version === record.current)
}

function find(record: ParameterRecord, version: number): ParameterVersion {
  const found = record.versions.find((v) => v.version === version)
  if (!found) throw new LearningError('PARAMETER_VERSION_NOT_FOUND', `flow '${record.flowId}' has no parameter version ${version}`)
  return found
}

function takeEffect(record: ParameterRecord, v: ParameterVersion, at: string): void {
  v.status = 'approved'
  v.effectiveFrom = at
  record.current = v.version
}

/** Add a version: in force at once, or pending (superseding older pending ones) when approval is required. */
export function propose(record: ParameterRecord, p: Proposal): ParameterVersion {
  const v: ParameterVersion = {
    version: (record.versions.at(-1)?.version ?? 0) + 1,
    kind: p.kind,
    values: p.values,
    datasets: p.datasets,
    reason: p.reason,
    createdBy: p.by,
    createdAt: p.at,
    status: 'pending',
    ...(p.rollbackOf !== undefined ? { rollbackOf: p.rollbackOf } : {}),
    ...(p.candidate ? { candidate: p.candidate } : {}),
  }
  // A candidate replaces an older candidate of its step; an owner's change replaces owners' changes.
  const replaces = (old: ParameterVersion) => (p.candidate ? old.candidate?.nodeId === p.candidate.nodeId : !old.candidate)
  for (const old of record.versions) if (old.status === 'pending' && replaces(old)) old.status = 'superseded'
  record.versions.push(v)
  if (!record.requireApproval && !p.candidate) takeEffect(record, v, p.at)
  return v
}

function pending(record: ParameterRecord, version: number): ParameterVersion {
  const v = find(record, version)
  if (v.status !== 'pending') {
    throw new LearningError('PARAMETERS_NOT_PENDING', `parameter version ${version} is ${v.status}; only a pending version can be approved or rejected`)
  }
  return v
}

/** A second person puts a pending version in force. */
export function approve(record: ParameterRecord, version: number, by: string, at: string, note?: string): ParameterVersion {
  const v = pending(record, version)
  if (v.createdBy === by) throw new LearningError('SELF_APPROVAL', `${by} proposed parameter version ${version} and may not approve it; ask a second person`)
  Object.assign(v, { decidedBy: by, decidedAt: at, ...(note ? { decisionNote: note } : {}) })
  if (v.candidate) {
    // The values in force now, with the step's new model: changes approved meanwhile stay.
    const current = currentVersion(record)
    v.values = { ...(current?.values ?? {}) }
    v.datasets = { ...(current?.datasets ?? {}), [v.candidate.nodeId]: v.candidate.datasetId }
  }
  takeEffect(record, v, at)
  return v
}

/** Turn a pending version down (its author may withdraw it this way too). */
export function reject(record: ParameterRecord, version: number, by: string, at: string, note?: string): ParameterVersion {
  const v = pending(record, version)
  Object.assign(v, { status: 'rejected', decidedBy: by, decidedAt: at, ...(note ? { decisionNote: note } : {}) })
  return v
}

/** The values and datasets of a version that was once in force, proposed again. */
export function rollbackProposal(record: ParameterRecord, version: number, reason: string, by: string, at: string): Proposal {
  const target = find(record, version)
  if (target.effectiveFrom === undefined) {
    throw new LearningError('PARAMETERS_NOT_APPROVED', `parameter version ${version} was never in force (${target.status}); roll back to one that was`)
  }
  return { kind: 'rollback', values: { ...target.values }, datasets: { ...target.datasets }, reason, by, at, rollbackOf: version }
}
