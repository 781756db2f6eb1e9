import { createRoute, type z } from '@hono/zod-openapi'
import { recordConsent } from '../crm/consents.ts'
import { upsertContact } from '../crm/contacts.ts'
import { logInteraction } from '../crm/interactions.ts'
import { createReminder, listOpenReminders } from '../crm/reminders.ts'
import { newId } from '../db/database.ts'
import { createApiRouter } from './api-env.ts'
import {
  ConsentSchema,
  ContactSchema,
  ErrorSchema,
  IdParam,
  InteractionSchema,
  NewConsentBody,
  NewContactBody,
  NewInteractionBody,
  NewReminderBody,
  pageOf,
  ReminderSchema,
  toConsentJson,
  toContactJson,
  toInteractionJson,
  toReminderJson,
} from './api-schemas.ts'

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})
const errors = { 400: json(ErrorSchema, 'Invalid request'), 404: json(ErrorSchema, 'Not found or not yours') }

/** Contacts, interactions and reminders: the writes an ERP or a script needs. */
export const activityRoutes = createApiRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/contacts',
      request: { body: { content: { 'application/json': { schema: NewContactBody } }, required: true } },
      responses: {
        201: json(ContactSchema, 'Created'),
        200: json(ContactSchema, 'Merged into the contact with the same phone or name'),
        ...errors,
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const { contact, merged } = await upsertContact(c.var.crm, c.var.actor, {
        customerId: b.customer_id,
        name: b.name,
        title: b.title,
        phones: b.phones,
        email: b.email,
        wechatId: b.wechat_id,
      })
      return merged ? c.json(toContactJson(contact), 200) : c.json(toContactJson(contact), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/contacts/{id}/consents',
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: NewConsentBody } }, required: true },
      },
      responses: {
        201: json(ConsentSchema, 'Recorded; the latest record per channel is the current consent'),
        ...errors,
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const row = await recordConsent(c.var.crm, c.var.actor, { contactId: c.req.valid('param').id, ...b })
      return c.json(toConsentJson(row), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/interactions',
      request: { body: { content: { 'application/json': { schema: NewInteractionBody } }, required: true } },
      responses: {
        201: json(InteractionSchema, 'Logged'),
        200: json(InteractionSchema, 'Already logged with this external_id'),
        ...errors,
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const { interaction, duplicate } = await logInteraction(c.var.crm, c.var.actor, {
        customerId: b.customer_id,
        contactId: b.contact_id,
        dealId: b.deal_id,
        type: b.type,
        rawText: b.text,
        summary: b.summary,
        sentiment: b.sentiment,
        occurredAt: b.occurred_at ? new Date(b.occurred_at) : undefined,
        sourcePlatform: 'api',
        sourceMessageId: b.external_id ?? newId(),
      })
      return duplicate
        ? c.json(toInteractionJson(interaction), 200)
        : c.json(toInteractionJson(interaction), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reminders',
      responses: { 200: json(pageOf(ReminderSchema), 'Your open reminders, soonest first'), ...errors },
    }),
    async (c) => {
      const rows = await listOpenReminders(c.var.crm, c.var.actor, 200)
      return c.json({ items: rows.map(toReminderJson), next_cursor: null }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/reminders',
      request: { body: { content: { 'application/json': { schema: NewReminderBody } }, required: true } },
      responses: { 201: json(ReminderSchema, 'Created'), ...errors },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const row = await createReminder(c.var.crm, c.var.actor, {
        text: b.text,
        dueAt: new Date(b.due_at),
        platform: b.platform,
        chatId: b.chat_id,
        customerId: b.customer_id,
        dealId: b.deal_id,
      })
      return c.json(toReminderJson(row), 201)
    },
  )
