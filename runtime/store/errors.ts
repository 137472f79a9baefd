/**
 * Errors the stores throw. Each has a stable `code` so callers (the engine,
 * the HTTP layer, the CLI) can map it without parsing the message, and a
 * message that says what to do.
 */

export type StoreErrorCode =
  | 'SEQ_CONFLICT'
  | 'IDEMPOTENCY_CONFLICT'
  | 'BAD_APPEND'
  | 'BAD_ID'
  | 'RUN_NOT_FOUND'
  | 'FLOW_NOT_FOUND'
  | 'FLOW_ID_MISMATCH'
  | 'STORE_LOCKED'
  | 'STORE_CORRUPT'
  | 'STORE_CLOSED'

export class StoreError extends Error {
  readonly code: StoreErrorCode

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'StoreError'
    this.code = code
  }
}

/** True when `err` is a StoreError with this code. */
export function isStoreError(err: unknown, code?: StoreErrorCode): err is StoreError {
  return err instanceof StoreError && (code === undefined || err.code === code)
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/

/**
 * Run and flow ids become file names in the lowdb store, so both stores accept
 * only ids that are safe as one: letters, digits, "_", "." and "-".
 */
export function assertSafeId(kind: 'run' | 'flow', id: string): void {
  if (typeof id !== 'string' || !SAFE_ID.test(id)) {
    throw new StoreError(
      'BAD_ID',
      `${kind} id ${JSON.stringify(id)} is not valid: use 1-200 letters, digits, "_", "." or "-", starting with a letter or digit`,
    )
  }
}
