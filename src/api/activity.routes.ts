import { createRoute } from '@hono/zod-openapi'
import { recordConsent } from '../crm/consents.ts'
import { upsertContact } from '../crm/contacts.ts'
import { logInteraction } from '../crm/interactions.ts'
import { newId } from '../db/database.ts'
import { createApiRouter, jsonBody, jsonResponse } from './api-env.ts'
import {
  ConsentSchema,
  ContactSchema,
  ERROR_RESPONSES,
  IdParam,
  InteractionSchema,
  NewConsentBody,
  NewContactBody,
  NewInteractionBody,
  toConsentJson,
  toContactJson,
  toInteractionJson,
} from './api-schemas.ts'

/** Contacts and interactions: the writes an ERP or a script needs. */
export const activityRoutes = createApiRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/contacts',
      request: { body: jsonBody(NewContactBody) },
      responses: {
        201: jsonResponse(ContactSchema, 'Created'),
        200: jsonResponse(ContactSchema, 'Merged into the contact with the same phone or name'),
        ...ERROR_RESPONSES,
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
        body: jsonBody(NewConsentBody),
      },
      responses: {
        201: jsonResponse(ConsentSchema, 'Recorded; the latest record per channel is the current consent'),
        ...ERROR_RESPONSES,
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
      request: { body: jsonBody(NewInteractionBody) },
      responses: {
        201: jsonResponse(InteractionSchema, 'Logged'),
        200: jsonResponse(InteractionSchema, 'Already logged with this external_id'),
        ...ERROR_RESPONSES,
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
