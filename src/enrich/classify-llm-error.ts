import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import { type EnrichFailure, enrichFailure } from './enrich-result.ts'

/** Thrown by our own deadline, which bounds the whole call including the client's retry. */
export class EnrichDeadlineError extends Error {
  constructor(timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`)
    this.name = 'EnrichDeadlineError'
  }
}

/** The failure an error from the `openai` client stands for; `undefined` for a fault to rethrow. */
export function classifyLlmError(error: unknown): EnrichFailure | undefined {
  // Only our deadline aborts the request, so an abort is a timeout too.
  if (error instanceof EnrichDeadlineError || error instanceof APIConnectionTimeoutError) {
    return enrichFailure('timeout', true, error.message)
  }
  if (error instanceof APIUserAbortError)
    return enrichFailure('timeout', true, 'request aborted at the deadline')
  if (error instanceof APIConnectionError) return enrichFailure('network', true, describe(error))
  if (error instanceof APIError && error.status !== undefined) {
    if (error.status === 429) return enrichFailure('rate_limited', true, error.message)
    if (error.status >= 500) return enrichFailure('server_error', true, error.message)
    if (error.status === 408) return enrichFailure('timeout', true, error.message)
    // 409 is a transient lock on OpenAI's side; other 4xx (bad key, unsupported schema) need a fix first.
    return enrichFailure('client_error', error.status === 409, error.message)
  }
  return undefined
}

function describe(error: Error): string {
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.message}${cause}`
}
