import type { NoteEnrichment } from './enrichment-schema.ts'

export const ENRICH_FAILURE_REASONS = [
  'invalid_json',
  'schema_violation',
  'refusal',
  'timeout',
  'rate_limited',
  'server_error',
  'network',
  'client_error',
] as const
export type EnrichFailureReason = (typeof ENRICH_FAILURE_REASONS)[number]

export interface TokenUsage {
  promptTokens: number
  completionTokens: number
  totalTokens: number
}

export interface EnrichSuccess {
  ok: true
  enrichment: NoteEnrichment
  usage: TokenUsage
  /** The prompt that produced it, e.g. `enrich-note.v1`. */
  promptVersion: string
}

/** The caller keeps the offline reading; when `retryable`, it tries again later (see retry-backoff.ts). */
export interface EnrichFailure {
  ok: false
  reason: EnrichFailureReason
  retryable: boolean
  detail: string
}

export type EnrichResult = EnrichSuccess | EnrichFailure

export function enrichFailure(
  reason: EnrichFailureReason,
  retryable: boolean,
  detail: string,
): EnrichFailure {
  return { ok: false, reason, retryable, detail: detail.slice(0, 500) }
}
