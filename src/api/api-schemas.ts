import { z } from '@hono/zod-openapi'
import type { ConsentRow } from '../crm/consents.ts'
import type { ContactRow } from '../crm/contacts.ts'
import type { CustomerRow } from '../crm/customers.ts'
import type { DealRow } from '../crm/deals.ts'
import type { InteractionRow } from '../crm/interactions.ts'
import { fromMinorUnits, isCurrencyCode } from '../crm/money.ts'
import type { ReminderRow } from '../crm/reminders.ts'
import {
  CONSENT_STATUSES,
  DEAL_STAGES,
  INTERACTION_TYPES,
  REMINDER_STATUSES,
  SENTIMENTS,
} from '../db/schema.ts'
import { PERIODS } from '../understand/parsed-message.ts'

const iso = z.string().openapi({ example: '2026-11-25T01:00:00.000Z' })
const currency = z
  .string()
  .refine(isCurrencyCode, 'expected an ISO 4217 code such as CNY, USD or JPY')
  .transform((c) => c.toUpperCase())

export const CustomerSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    industry: z.string().nullable(),
    owner_id: z.string().nullable(),
    tags: z.array(z.string()),
    status: z.string(),
    in_pool: z.boolean(),
    created_at: iso,
    updated_at: iso,
  })
  .openapi('Customer')

export const ContactSchema = z
  .object({
    id: z.string(),
    customer_id: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    phones: z.array(z.string()),
    email: z.string().nullable(),
    wechat_id: z.string().nullable(),
  })
  .openapi('Contact')

export const DealSchema = z
  .object({
    id: z.string(),
    customer_id: z.string(),
    title: z.string(),
    stage: z.enum(DEAL_STAGES),
    amount: z.number().openapi({ description: 'Whole currency units' }),
    currency: z.string(),
    probability: z.number().int(),
    expected_close: z.string().nullable(),
    owner_id: z.string().nullable(),
    closed_at: iso.nullable(),
    created_at: iso,
    updated_at: iso,
  })
  .openapi('Deal')

export const InteractionSchema = z
  .object({
    id: z.string(),
    customer_id: z.string(),
    contact_id: z.string().nullable(),
    deal_id: z.string().nullable(),
    author_id: z.string().nullable(),
    type: z.enum(INTERACTION_TYPES),
    raw_text: z.string(),
    summary: z.string().nullable(),
    sentiment: z.enum(SENTIMENTS).nullable(),
    sentiment_score: z.number().nullable(),
    occurred_at: iso,
    source_platform: z.string(),
    source_message_id: z.string(),
  })
  .openapi('Interaction')

export const ReminderSchema = z
  .object({
    id: z.string(),
    text: z.string(),
    due_at: iso,
    status: z.string(),
    owner_id: z.string(),
    platform: z.string(),
    chat_id: z.string(),
    customer_id: z.string().nullable(),
    deal_id: z.string().nullable(),
    recurrence: z
      .string()
      .nullable()
      .openapi({ description: 'RFC 5545 RRULE of a series, e.g. FREQ=WEEKLY;BYDAY=MO' }),
    series_id: z.string().nullable(),
  })
  .openapi('Reminder')

export const ErrorSchema = z.object({ error: z.string(), message: z.string() }).openapi('Error')

/** The failures every route can answer with. */
export const ERROR_RESPONSES = {
  400: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Invalid request' },
  404: { content: { 'application/json': { schema: ErrorSchema } }, description: 'Not found or not yours' },
}

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().optional(),
})

export const pageOf = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), next_cursor: z.string().nullable() })

export const NewCustomerBody = z.object({
  name: z.string().trim().min(1).max(200),
  industry: z.string().max(100).nullish(),
  owner_id: z.string().optional(),
  owner: z
    .string()
    .optional()
    .openapi({ description: 'Owner: user id, platform user id or name (GET /users); default the caller' }),
  tags: z.array(z.string().max(50)).max(50).optional(),
  in_pool: z.boolean().optional(),
})
export const CustomerPatchBody = NewCustomerBody.partial().extend({
  status: z.enum(['active', 'inactive', 'archived']).optional(),
})

export const NewContactBody = z.object({
  customer_id: z.string(),
  name: z.string().trim().min(1).max(100),
  title: z.string().max(100).nullish(),
  phones: z.array(z.string().max(40)).max(10).optional(),
  email: z.email().nullish(),
  wechat_id: z.string().max(100).nullish(),
})

export const NewInteractionBody = z.object({
  customer_id: z.string(),
  contact_id: z.string().nullish(),
  deal_id: z.string().nullish(),
  type: z.enum(INTERACTION_TYPES).default('note'),
  text: z.string().trim().min(1).max(65536),
  summary: z.string().max(2000).nullish(),
  sentiment: z.enum(SENTIMENTS).nullish(),
  occurred_at: z.iso.datetime({ offset: true }).optional(),
  /** An id from the calling system, so a retried POST logs once. */
  external_id: z.string().max(200).optional(),
})

export const NewDealBody = z.object({
  customer_id: z.string(),
  title: z.string().max(200).optional(),
  amount: z.number().nonnegative().max(1e13).default(0),
  currency: currency.default('CNY'),
  stage: z.enum(DEAL_STAGES).default('lead'),
  probability: z.number().int().min(0).max(100).optional(),
  expected_close: z.iso.date().nullish(),
  owner_id: z.string().optional(),
  owner: z
    .string()
    .optional()
    .openapi({ description: 'Owner: user id, platform user id or name (GET /users); default the caller' }),
})
// Spelled out rather than derived: a PATCH must not pick up the create defaults (amount 0, stage lead).
export const DealPatchBody = z.object({
  title: z.string().max(200).optional(),
  amount: z.number().nonnegative().max(1e13).optional(),
  currency: currency.optional(),
  stage: z.enum(DEAL_STAGES).optional(),
  probability: z.number().int().min(0).max(100).optional(),
  expected_close: z.iso.date().nullish(),
  owner_id: z.string().optional(),
  owner: z
    .string()
    .optional()
    .openapi({ description: 'Owner: user id, platform user id or name (GET /users); default the caller' }),
})

export const NewReminderBody = z.object({
  text: z.string().trim().min(1).max(2000),
  due_at: z.iso.datetime({ offset: true }),
  chat_id: z.string().default('api'),
  platform: z.string().default('web'),
  customer_id: z.string().nullish(),
  deal_id: z.string().nullish(),
  recurrence: z.string().max(200).nullish(),
})

export const ReminderPatchBody = z.object({
  text: z.string().trim().min(1).max(2000).optional(),
  due_at: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['pending', 'done', 'cancelled']).optional(),
})

export const ReminderListQuery = PageQuery.extend({
  owner: z.string().optional().openapi({ description: 'Owner user id' }),
  status: z.enum(REMINDER_STATUSES).optional(),
  due_before: z.iso.datetime({ offset: true }).optional(),
})

export const ConsentSchema = z
  .object({
    id: z.string(),
    contact_id: z.string(),
    channel: z.string(),
    status: z.enum(CONSENT_STATUSES),
    basis: z.string().nullable(),
    recorded_by: z.string().nullable(),
    recorded_at: iso,
  })
  .openapi('Consent')

export const NewConsentBody = z.object({
  channel: z.string().trim().min(1).max(40).openapi({ example: 'wechat' }),
  status: z.enum(CONSENT_STATUSES),
  basis: z.string().max(500).nullish().openapi({ example: '名片交换时口头同意' }),
})

export const toConsentJson = (r: ConsentRow): z.infer<typeof ConsentSchema> => ({
  id: r.id,
  contact_id: r.contactId,
  channel: r.channel,
  status: r.status,
  basis: r.basis,
  recorded_by: r.recordedByUserId,
  recorded_at: r.recordedAt.toISOString(),
})

export const PeriodQuery = z.object({ period: z.enum(PERIODS).default('this_month') })

export const IdParam = z.object({ id: z.string().min(1) })

export const toCustomerJson = (r: CustomerRow): z.infer<typeof CustomerSchema> => ({
  id: r.id,
  name: r.name,
  industry: r.industry,
  owner_id: r.ownerUserId,
  tags: r.tags,
  status: r.status,
  in_pool: r.inPool,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
})

export const toContactJson = (r: ContactRow): z.infer<typeof ContactSchema> => ({
  id: r.id,
  customer_id: r.customerId,
  name: r.name,
  title: r.title,
  phones: r.phones,
  email: r.email,
  wechat_id: r.wechatId,
})

export const toDealJson = (r: DealRow): z.infer<typeof DealSchema> => ({
  id: r.id,
  customer_id: r.customerId,
  title: r.title,
  stage: r.stage,
  amount: fromMinorUnits(r.amountMinor, r.currency),
  currency: r.currency,
  probability: r.probability,
  expected_close: r.expectedClose,
  owner_id: r.ownerUserId,
  closed_at: r.closedAt?.toISOString() ?? null,
  created_at: r.createdAt.toISOString(),
  updated_at: r.updatedAt.toISOString(),
})

export const toInteractionJson = (r: InteractionRow): z.infer<typeof InteractionSchema> => ({
  id: r.id,
  customer_id: r.customerId,
  contact_id: r.contactId,
  deal_id: r.dealId,
  author_id: r.authorUserId,
  type: r.type,
  raw_text: r.rawText,
  summary: r.summary,
  sentiment: r.sentiment,
  sentiment_score: r.sentimentScore,
  occurred_at: r.occurredAt.toISOString(),
  source_platform: r.sourcePlatform,
  source_message_id: r.sourceMessageId,
})

export const toReminderJson = (r: ReminderRow): z.infer<typeof ReminderSchema> => ({
  id: r.id,
  text: r.text,
  due_at: r.dueAt.toISOString(),
  status: r.status,
  owner_id: r.ownerUserId,
  platform: r.platform,
  chat_id: r.chatId,
  customer_id: r.customerId,
  deal_id: r.dealId,
  recurrence: r.recurrence,
  series_id: r.seriesId,
})
