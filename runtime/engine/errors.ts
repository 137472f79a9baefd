/**
 * Engine errors carry a stable code, an HTTP-ish status and a sentence that
 * says what to do. The HTTP layer maps them as they are; clients match codes.
 */
export type EngineErrorCode =
  | 'FLOW_NOT_FOUND'
  | 'FLOW_NOT_PUBLISHED'
  | 'FLOW_INVALID'
  | 'INPUT_INVALID'
  | 'RUN_NOT_FOUND'
  | 'RUN_NOT_CANCELLABLE'
  | 'RUN_NOT_RETRYABLE'
  | 'TASK_NOT_FOUND'
  | 'TASK_ALREADY_DECIDED'
  | 'TASK_CLOSED'
  | 'DECISION_UNKNOWN'
  | 'DECISION_INVALID'
  | 'REASON_REQUIRED'
  | 'SELF_APPROVAL'
  | 'ALREADY_APPROVED'
  | 'FORBIDDEN'
  | 'TASK_CLAIMED'
  | 'TASK_NOT_CLAIMED'
  | 'REQUEST_NOT_FOUND'
  | 'REQUEST_EXPIRED'
  | 'REQUEST_ANSWERED'
  | 'REQUEST_CLOSED'
  | 'ANSWER_INVALID'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'RUN_BUSY'
  | 'SUB_FLOW_TOO_DEEP'

const STATUS: Record<EngineErrorCode, number> = {
  FLOW_NOT_FOUND: 404,
  FLOW_NOT_PUBLISHED: 409,
  FLOW_INVALID: 422,
  INPUT_INVALID: 422,
  RUN_NOT_FOUND: 404,
  RUN_NOT_CANCELLABLE: 409,
  RUN_NOT_RETRYABLE: 409,
  TASK_NOT_FOUND: 404,
  TASK_ALREADY_DECIDED: 409,
  TASK_CLOSED: 409,
  DECISION_UNKNOWN: 422,
  DECISION_INVALID: 422,
  REASON_REQUIRED: 422,
  SELF_APPROVAL: 403,
  ALREADY_APPROVED: 409,
  FORBIDDEN: 403,
  TASK_CLAIMED: 409,
  TASK_NOT_CLAIMED: 409,
  REQUEST_NOT_FOUND: 404,
  REQUEST_EXPIRED: 410,
  REQUEST_ANSWERED: 409,
  REQUEST_CLOSED: 410,
  ANSWER_INVALID: 422,
  IDEMPOTENCY_KEY_REUSED: 409,
  RUN_BUSY: 503,
  SUB_FLOW_TOO_DEEP: 422,
}

export class EngineError extends Error {
  readonly status: number
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message)
    this.name = 'EngineError'
    this.status = STATUS[code]
  }
}
