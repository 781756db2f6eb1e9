import type OpenAI from 'openai'
import { buildEnrichMessages, type EnrichInput, PROMPT_VERSION } from './build-enrich-messages.ts'
import { classifyLlmError, EnrichDeadlineError } from './classify-llm-error.ts'
import { type EnrichFailure, type EnrichResult, enrichFailure, type TokenUsage } from './enrich-result.ts'
import {
  NOTE_ENRICHMENT_SCHEMA_NAME,
  type NoteEnrichment,
  noteEnrichmentJsonSchema,
  noteEnrichmentSchema,
} from './enrichment-schema.ts'

export type { EnrichInput } from './build-enrich-messages.ts'
export type {
  EnrichFailure,
  EnrichFailureReason,
  EnrichResult,
  EnrichSuccess,
  TokenUsage,
} from './enrich-result.ts'

/** Structured log line; the same shape as the chat pipeline's `Log`. */
export type EnrichLog = (event: string, fields: Record<string, unknown>) => void

export interface NoteEnricher {
  /** Never throws for LLM trouble (bad answer, refusal, timeout, 429, 5xx, network): returns a failure. */
  enrich(input: EnrichInput): Promise<EnrichResult>
}

export interface NoteEnricherOptions {
  client: OpenAI
  model: string
  /** Bound on the whole call, the client's own retry included. Default 8000 ms. */
  timeoutMs?: number | undefined
  /** Gets one `llm.enrich` event per call with outcome and token usage. Default: no-op. */
  log?: EnrichLog | undefined
}

export const DEFAULT_ENRICH_TIMEOUT_MS = 8000

/** Enriches sales notes through any OpenAI-compatible chat completions endpoint. */
export function createNoteEnricher(options: NoteEnricherOptions): NoteEnricher {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ENRICH_TIMEOUT_MS
  const log = options.log ?? (() => {})

  async function enrich(input: EnrichInput): Promise<EnrichResult> {
    const started = Date.now()
    const body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming = {
      model: options.model,
      messages: buildEnrichMessages(input),
      temperature: 0,
      response_format: {
        type: 'json_schema',
        json_schema: { name: NOTE_ENRICHMENT_SCHEMA_NAME, schema: noteEnrichmentJsonSchema, strict: true },
      },
    }
    let completion: OpenAI.Chat.ChatCompletion | undefined
    let read: NoteEnrichment | EnrichFailure
    try {
      completion = await createWithDeadline(options.client, body, timeoutMs)
      read = readCompletion(completion)
    } catch (error) {
      const failure = classifyLlmError(error)
      if (!failure) throw error
      read = failure
    }
    const usage = usageOf(completion)
    const result: EnrichResult =
      'ok' in read ? read : { ok: true, enrichment: read, usage, promptVersion: PROMPT_VERSION }
    log('llm.enrich', {
      ok: result.ok,
      ...(result.ok ? {} : { reason: result.reason, retryable: result.retryable, detail: result.detail }),
      model: options.model,
      promptVersion: PROMPT_VERSION,
      durationMs: Date.now() - started,
      ...usage,
    })
    return result
  }

  return { enrich }
}

/** Races the request against one deadline and aborts it when the deadline wins. */
async function createWithDeadline(
  client: OpenAI,
  body: OpenAI.Chat.ChatCompletionCreateParamsNonStreaming,
  timeoutMs: number,
): Promise<OpenAI.Chat.ChatCompletion> {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new EnrichDeadlineError(timeoutMs)
      controller.abort(error)
      reject(error)
    }, timeoutMs)
  })
  try {
    // `timeout` bounds each attempt; the deadline bounds the attempts and the client's retry sleep together.
    const request = client.chat.completions.create(body, { timeout: timeoutMs, signal: controller.signal })
    return await Promise.race([request, deadline])
  } finally {
    clearTimeout(timer)
  }
}

function readCompletion(completion: OpenAI.Chat.ChatCompletion): NoteEnrichment | EnrichFailure {
  // A misconfigured base URL can answer 200 with an HTML page, which the client hands back as a string.
  const choice = typeof completion === 'object' ? completion?.choices?.[0] : undefined
  if (!choice?.message) return enrichFailure('server_error', true, 'the response is not a chat completion')
  const { message } = choice
  if (message.refusal) return enrichFailure('refusal', false, message.refusal)
  if (choice.finish_reason === 'content_filter')
    return enrichFailure('refusal', false, 'stopped by content filter')
  let json: unknown
  try {
    json = JSON.parse(stripCodeFence(message.content ?? ''))
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error)
    return enrichFailure('invalid_json', true, `${why} (finish_reason ${choice.finish_reason})`)
  }
  // Unknown keys are dropped: the result holds only this note's own fields, whatever the model adds.
  const parsed = noteEnrichmentSchema.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    return enrichFailure('schema_violation', true, issues.join('; '))
  }
  return parsed.data
}

/** Servers without structured outputs (older Ollama, some vLLM builds) may wrap JSON in a ``` fence. */
function stripCodeFence(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(content)
  return fenced?.[1] ?? content
}

function usageOf(completion: OpenAI.Chat.ChatCompletion | undefined): TokenUsage {
  const usage = typeof completion === 'object' ? completion?.usage : undefined
  return {
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
    totalTokens: usage?.total_tokens ?? 0,
  }
}
