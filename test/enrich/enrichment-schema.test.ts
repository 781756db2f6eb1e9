import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLlmClient } from '../../src/enrich/create-llm-client.ts'
import { noteEnrichmentJsonSchema, noteEnrichmentSchema } from '../../src/enrich/enrichment-schema.ts'
import {
  chatCompletion,
  type FakeOpenAiServer,
  startFakeOpenAiServer,
} from '../support/fake-openai-server.ts'
import { createEnrichment, NOTE, NOW, TIME_ZONE } from './enrichment-fixture.ts'

/** The note's own fields and nothing that could name or act on another record. */
const FIELDS = [
  'amount',
  'competitor',
  'contact',
  'contact_title',
  'currency',
  'customer',
  'deal_outcome',
  'intent',
  'interaction_type',
  'next_step',
  'next_step_at',
  'products',
  'sentiment',
  'sentiment_score',
  'stage',
  'summary',
]

describe('the enrichment JSON schema', () => {
  let server: FakeOpenAiServer
  beforeEach(async () => {
    server = await startFakeOpenAiServer()
  })
  afterEach(() => server.close())

  it('is sent strict, with every property required and no other property allowed', async () => {
    server.reply({ body: chatCompletion(JSON.stringify(createEnrichment())) })
    const enricher = createLlmClient({ baseUrl: server.baseUrl, apiKey: 'k', model: 'fake-model' })

    await enricher.enrich({ text: NOTE, now: NOW, timeZone: TIME_ZONE })

    const format = server.requests[0]?.body.response_format
    expect(format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'note_enrichment', strict: true },
    })
    const schema = format.json_schema.schema
    expect(schema).toEqual(noteEnrichmentJsonSchema)
    expect(schema.type).toBe('object')
    expect(schema.additionalProperties).toBe(false)
    expect(Object.keys(schema.properties).sort()).toEqual(FIELDS)
    expect([...schema.required].sort()).toEqual(FIELDS)
    expect(schema).not.toHaveProperty('$schema')
  })

  it('drops zod’s date-time regex but keeps the format', () => {
    const properties = noteEnrichmentJsonSchema.properties as Record<string, { anyOf: object[] }>
    expect(properties.next_step_at?.anyOf).toEqual([
      { type: 'string', format: 'date-time' },
      { type: 'null' },
    ])
  })

  it('wants next_step_at with an offset and a whole amount', () => {
    const parse = (overrides: object) =>
      noteEnrichmentSchema.safeParse({ ...createEnrichment(), ...overrides })
    expect(parse({ next_step_at: '2026-11-25T09:00:00+08:00' }).success).toBe(true)
    expect(parse({ next_step_at: '2026-11-25T09:00:00' }).success).toBe(false)
    expect(parse({ next_step_at: '下周三' }).success).toBe(false)
    expect(parse({ amount: 2_000_000, currency: 'CNY' }).success).toBe(true)
    expect(parse({ amount: 1.5 }).success).toBe(false)
    expect(parse({ currency: 'rmb' }).success).toBe(false)
  })
})
