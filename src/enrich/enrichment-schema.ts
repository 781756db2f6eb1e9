import { z } from 'zod'
import { DEAL_STAGES, INTENTS, INTERACTION_TYPES, SENTIMENTS } from '../understand/parsed-message.ts'

/**
 * What the LLM reads from one sales note. Only that note's own fields: nothing here names or acts on
 * another record. Every key is always present (strict structured outputs); a fact the note does not
 * give is `null` (or `[]` for products).
 */
export const noteEnrichmentSchema = z.object({
  intent: z.enum(INTENTS).describe('What the user wants from the bot.'),
  customer: z.string().nullable().describe('The customer organisation as written, e.g. 华为, Acme.'),
  contact: z.string().nullable().describe('The person at the customer as written, e.g. 张总, Jane.'),
  contact_title: z
    .string()
    .nullable()
    .describe('That person’s job title when the note states it, e.g. CTO, 采购经理.'),
  interaction_type: z.enum(INTERACTION_TYPES).nullable().describe('How the rep was in touch.'),
  summary: z.string().describe('One short sentence in the language of the note; no facts it does not give.'),
  sentiment: z.enum(SENTIMENTS).nullable().describe('The customer’s attitude in this note.'),
  sentiment_score: z.number().min(-1).max(1).nullable().describe('-1 very negative .. 1 very positive.'),
  amount: z.int().min(0).nullable().describe('Whole currency units: 200万 → 2000000, 45k → 45000.'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .describe('ISO 4217; CNY when an amount has no currency.'),
  next_step: z.string().nullable().describe('What the rep will do next, e.g. 跟进报价.'),
  next_step_at: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe('ISO 8601 instant of the next step with the user’s offset, e.g. 2026-11-25T09:00:00+08:00.'),
  // Defaults keep answers from servers that predate these two fields valid; the JSON schema still requires them.
  stage: z
    .enum(DEAL_STAGES)
    .nullable()
    .default(null)
    .describe('The stage this note moves this customer’s own deal to; null for background.'),
  deal_outcome: z
    .enum(['won', 'lost'])
    .nullable()
    .default(null)
    .describe('won or lost only when this customer’s own deal was won or lost.'),
  competitor: z.string().nullable().describe('A competing vendor the note names.'),
  products: z.array(z.string()).describe('Products or services the note names; [] when none.'),
})

export type NoteEnrichment = z.infer<typeof noteEnrichmentSchema>

/** The `json_schema.name` sent with the request. */
export const NOTE_ENRICHMENT_SCHEMA_NAME = 'note_enrichment'

/**
 * The JSON schema for `response_format`, in the subset strict structured outputs accept: every property
 * required, `additionalProperties: false`, no `$schema`, and `format: date-time` without zod's long
 * date-time regex (which some grammar engines behind OpenAI-compatible servers reject).
 */
export const noteEnrichmentJsonSchema: Record<string, unknown> = (() => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(noteEnrichmentSchema, {
    target: 'draft-7',
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'date-time') delete jsonSchema.pattern
      // Strict structured outputs reject `default`; the zod side still fills it for older answers.
      delete jsonSchema.default
    },
  })
  return schema
})()
