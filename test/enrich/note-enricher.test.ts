import OpenAI from 'openai'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLlmClient } from '../../src/enrich/create-llm-client.ts'
import { createNoteEnricher } from '../../src/enrich/note-enricher.ts'
import {
  apiError,
  chatCompletion,
  type FakeOpenAiServer,
  startFakeOpenAiServer,
} from '../support/fake-openai-server.ts'
import { createEnrichment, NOTE, NOW, TIME_ZONE } from './enrichment-fixture.ts'

let server: FakeOpenAiServer
let events: Array<{ event: string; fields: Record<string, unknown> }>

beforeEach(async () => {
  server = await startFakeOpenAiServer()
  events = []
})
afterEach(() => server.close())

function enricher(timeoutMs?: number) {
  return createLlmClient({
    baseUrl: server.baseUrl,
    apiKey: 'test-key',
    model: 'fake-model',
    timeoutMs,
    log: (event, fields) => events.push({ event, fields }),
  })
}

const input = { text: NOTE, now: NOW, timeZone: TIME_ZONE }

describe('createNoteEnricher', () => {
  it('parses a good answer and logs its token usage', async () => {
    server.reply({ body: chatCompletion(JSON.stringify(createEnrichment()), { usage: [321, 54] }) })

    const result = await enricher().enrich(input)

    expect(result).toEqual({
      ok: true,
      enrichment: createEnrichment(),
      usage: { promptTokens: 321, completionTokens: 54, totalTokens: 375 },
      promptVersion: 'enrich-note.v2',
    })
    expect(events).toEqual([
      {
        event: 'llm.enrich',
        fields: expect.objectContaining({
          ok: true,
          promptTokens: 321,
          completionTokens: 54,
          totalTokens: 375,
        }),
      },
    ])
    const [request] = server.requests
    expect(request?.headers.authorization).toBe('Bearer test-key')
    expect(request?.body.model).toBe('fake-model')
    expect(request?.body.response_format.type).toBe('json_schema')
    const user = request?.body.messages[1].content as string
    expect(user).toContain('Now: 2026-11-18T10:00:00+08:00 (Wednesday)')
    expect(user).toContain('Time zone: Asia/Shanghai')
    expect(user).toContain(`<note>\n${NOTE}\n</note>`)
  })

  it('passes the offline reading as a hint', async () => {
    server.reply({ body: chatCompletion(JSON.stringify(createEnrichment())) })
    const offline = {
      intent: 'unknown' as const,
      customer: '华为',
      contact: null,
      interaction_type: null,
      sentiment: null,
      sentiment_score: null,
      due_at: null,
      amount: null,
      currency: null,
      stage: null,
      period: null,
      task: null,
      confidence: 0.4,
    }

    await enricher().enrich({ ...input, offline })

    const user = server.requests[0]?.body.messages[1].content as string
    expect(user).toMatch(
      /<offline_reading>\n\{"intent":"unknown","customer":"华为".*"confidence":0.4\}\n<\/offline_reading>/,
    )
  })

  it('accepts JSON wrapped in a code fence, as servers without structured outputs send it', async () => {
    server.reply({ body: chatCompletion(`\`\`\`json\n${JSON.stringify(createEnrichment())}\n\`\`\``) })
    expect((await enricher().enrich(input)).ok).toBe(true)
  })

  it('returns invalid_json, retryable, for malformed JSON', async () => {
    server.reply({
      body: chatCompletion('{"intent": "log_interaction", "customer": ', { finishReason: 'length' }),
    })

    const result = await enricher().enrich(input)

    expect(result).toMatchObject({ ok: false, reason: 'invalid_json', retryable: true })
    expect(server.requests).toHaveLength(1)
    expect(events[0]?.fields).toMatchObject({ ok: false, reason: 'invalid_json', totalTokens: 165 })
  })

  it('returns schema_violation for an answer outside the schema', async () => {
    const answer = { ...createEnrichment(), sentiment: 'great', sentiment_score: 7 }
    server.reply({ body: chatCompletion(JSON.stringify(answer)) })

    const result = await enricher().enrich(input)

    expect(result).toMatchObject({ ok: false, reason: 'schema_violation', retryable: true })
    expect(result.ok === false && result.detail).toMatch(/sentiment:.*sentiment_score:/)
  })

  it('returns schema_violation when a key is missing', async () => {
    const { products: _products, ...answer } = createEnrichment()
    server.reply({ body: chatCompletion(JSON.stringify(answer)) })
    expect(await enricher().enrich(input)).toMatchObject({ ok: false, reason: 'schema_violation' })
  })

  it('returns refusal, not retryable, when the model refuses', async () => {
    server.reply({ body: chatCompletion(null, { refusal: "I'm sorry, I can't help with that." }) })

    const result = await enricher().enrich(input)

    expect(result).toEqual({
      ok: false,
      reason: 'refusal',
      retryable: false,
      detail: "I'm sorry, I can't help with that.",
    })
  })

  it('returns timeout well before a slow answer arrives, the client retry included', async () => {
    server.reply(
      { body: chatCompletion(JSON.stringify(createEnrichment())), delayMs: 5000 },
      { body: chatCompletion(JSON.stringify(createEnrichment())), delayMs: 5000 },
    )

    const started = Date.now()
    const result = await enricher(300).enrich(input)
    const elapsed = Date.now() - started

    expect(result).toMatchObject({ ok: false, reason: 'timeout', retryable: true })
    expect(elapsed).toBeGreaterThanOrEqual(290)
    expect(elapsed).toBeLessThan(1000)
  })

  it('keeps to the deadline when a 429 asks to wait longer than it', async () => {
    server.reply(
      { status: 429, headers: { 'retry-after': '5' }, body: apiError('Rate limit reached', 'requests') },
      { body: chatCompletion(JSON.stringify(createEnrichment())) },
    )

    const started = Date.now()
    const result = await enricher(300).enrich(input)

    expect(result).toMatchObject({ ok: false, reason: 'timeout', retryable: true })
    expect(Date.now() - started).toBeLessThan(1000)
    expect(server.requests).toHaveLength(1)
  })

  it('succeeds inside one call after a 429 with retry-after: 0', async () => {
    server.reply(
      { status: 429, headers: { 'retry-after': '0' }, body: apiError('Rate limit reached', 'requests') },
      { body: chatCompletion(JSON.stringify(createEnrichment())) },
    )

    const result = await enricher().enrich(input)

    expect(result.ok).toBe(true)
    expect(server.requests).toHaveLength(2)
    expect(server.requests[1]?.headers['x-stainless-retry-count']).toBe('1')
  })

  it('returns rate_limited, retryable, when the 429 persists', async () => {
    const limited = { status: 429, headers: { 'retry-after': '0' }, body: apiError('Rate limit', 'requests') }
    server.reply(limited, limited)
    expect(await enricher().enrich(input)).toMatchObject({
      ok: false,
      reason: 'rate_limited',
      retryable: true,
    })
  })

  it('returns server_error, retryable, after a 500 twice', async () => {
    const failing = { status: 500, headers: { 'retry-after': '0' }, body: apiError('boom', 'server_error') }
    server.reply(failing, failing)

    const result = await enricher().enrich(input)

    expect(result).toMatchObject({ ok: false, reason: 'server_error', retryable: true })
    expect(server.requests).toHaveLength(2)
  })

  it('returns client_error, not retryable, for a 400 without retrying', async () => {
    server.reply({ status: 400, body: apiError('response_format is not supported', 'invalid_request_error') })

    const result = await enricher().enrich(input)

    expect(result).toMatchObject({ ok: false, reason: 'client_error', retryable: false })
    expect(server.requests).toHaveLength(1)
  })

  it('returns server_error when a 200 is not a chat completion', async () => {
    server.reply({ body: '<html>proxy login</html>' })
    expect(await enricher().enrich(input)).toMatchObject({ ok: false, reason: 'server_error' })
  })

  it('returns network, retryable, when nothing listens', async () => {
    const closed = await startFakeOpenAiServer()
    await closed.close()
    const client = new OpenAI({ baseURL: closed.baseUrl, apiKey: 'test-key', maxRetries: 0 })

    const result = await createNoteEnricher({ client, model: 'fake-model' }).enrich(input)

    expect(result).toMatchObject({ ok: false, reason: 'network', retryable: true })
  })
})
