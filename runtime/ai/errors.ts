/**
 * Errors raised by the AI layer. Each has a stable `code` so the engine and
 * the HTTP layer can map it, and a message that says what to do about it.
 */

export type AiErrorCode =
  | 'AI_UNKNOWN_PROVIDER'
  | 'AI_DUPLICATE_PROVIDER'
  | 'AI_NO_EXAMPLES'
  | 'AI_TOO_FEW_LABELS'
  | 'AI_UNKNOWN_LABEL'
  | 'AI_NO_POSITIVE_LABEL'
  | 'AI_UNKNOWN_EXTRACTOR'
  | 'AI_BAD_MODEL'
  | 'AI_UNKNOWN_TASK'
  | 'AI_CONFIG'
  | 'AI_TIMEOUT'
  | 'AI_RATE_LIMITED'
  | 'AI_UNAVAILABLE'
  | 'AI_REQUEST_REJECTED'
  | 'AI_AUTH'
  | 'AI_BAD_RESPONSE'
  | 'AI_UNKNOWN_DATASET'
  | 'AI_NOT_CONFIGURED'
  | 'AI_NO_TOOLS'

/**
 * An error from an AI provider or the AI service.
 *
 * @example
 * try { await ai.run(request) } catch (e) {
 *   if (e instanceof AiError && e.code === 'AI_NO_EXAMPLES') showHint(e.message)
 * }
 */
export class AiError extends Error {
  readonly code: AiErrorCode

  constructor(code: AiErrorCode, message: string) {
    super(message)
    this.name = 'AiError'
    this.code = code
  }
}
