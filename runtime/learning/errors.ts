/**
 * Errors of the owner-side services (parameters, what-if, retraining). Each
 * has a stable code and an HTTP status the API passes on unchanged.
 */
export type LearningErrorCode =
  | 'FLOW_NOT_FOUND'
  | 'FLOW_NOT_PUBLISHED'
  | 'PARAMETER_UNKNOWN'
  | 'PARAMETER_INVALID'
  | 'PARAMETER_VERSION_NOT_FOUND'
  | 'PARAMETERS_NOT_PENDING'
  | 'PARAMETERS_NOT_APPROVED'
  | 'SELF_APPROVAL'
  | 'NODE_NOT_FOUND'
  | 'NOT_RETRAINABLE'
  | 'NO_REVIEWED_EXAMPLES'
  | 'FLOW_MISMATCH'
  | 'VERSION_NOT_FOUND'

const STATUS: Record<LearningErrorCode, number> = {
  FLOW_NOT_FOUND: 404,
  FLOW_NOT_PUBLISHED: 409,
  PARAMETER_UNKNOWN: 422,
  PARAMETER_INVALID: 422,
  PARAMETER_VERSION_NOT_FOUND: 404,
  PARAMETERS_NOT_PENDING: 409,
  PARAMETERS_NOT_APPROVED: 409,
  SELF_APPROVAL: 403,
  NODE_NOT_FOUND: 404,
  NOT_RETRAINABLE: 422,
  NO_REVIEWED_EXAMPLES: 422,
  FLOW_MISMATCH: 422,
  VERSION_NOT_FOUND: 404,
}

export class LearningError extends Error {
  readonly status: number
  constructor(
    readonly code: LearningErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'LearningError'
    this.status = STATUS[code]
  }
}
