import OpenAI from 'openai'
import {
  createNoteEnricher,
  DEFAULT_ENRICH_TIMEOUT_MS,
  type EnrichLog,
  type NoteEnricher,
} from './note-enricher.ts'

export interface LlmClientConfig {
  /** OpenAI-compatible base URL ending in `/v1` (OpenAI, DeepSeek, Qwen, vLLM, Ollama). */
  baseUrl: string
  apiKey: string
  model: string
  /** Bound on one enrichment call, retry included. Default 8000 ms. */
  timeoutMs?: number | undefined
  log?: EnrichLog | undefined
}

/**
 * The note enricher for the configured endpoint. The client retries once by itself, so a 429 with a short
 * `Retry-After` or one 5xx can still succeed inside a call; anything longer is the caller's retry.
 */
export function createLlmClient(config: LlmClientConfig): NoteEnricher {
  const timeoutMs = config.timeoutMs ?? DEFAULT_ENRICH_TIMEOUT_MS
  const client = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: config.apiKey,
    maxRetries: 1,
    timeout: timeoutMs,
  })
  return createNoteEnricher({ client, model: config.model, timeoutMs, log: config.log })
}
