import { createRoute, z } from '@hono/zod-openapi'
import { and, asc, eq } from 'drizzle-orm'
import { createCustomer, getCustomer, listCustomers, updateCustomer } from '../crm/customers.ts'
import { recentInteractions } from '../crm/interactions.ts'
import { contacts, deals, reminders } from '../db/schema.ts'
import { createApiRouter, jsonBody, jsonResponse } from './api-env.ts'
import { ownerIdFrom } from './api-owner.ts'
import {
  ContactSchema,
  CustomerPatchBody,
  CustomerSchema,
  DealSchema,
  ERROR_RESPONSES,
  IdParam,
  InteractionSchema,
  NewCustomerBody,
  PageQuery,
  pageOf,
  ReminderSchema,
  toContactJson,
  toCustomerJson,
  toDealJson,
  toInteractionJson,
  toReminderJson,
} from './api-schemas.ts'

const CustomerDetail = z.object({
  customer: CustomerSchema,
  contacts: z.array(ContactSchema),
  deals: z.array(DealSchema),
  interactions: z.array(InteractionSchema),
  reminders: z.array(ReminderSchema),
})

export const customerRoutes = createApiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers',
      request: { query: PageQuery.extend({ q: z.string().max(200).optional() }) },
      responses: {
        200: jsonResponse(pageOf(CustomerSchema), 'Customers you can see, newest first'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const query = c.req.valid('query')
      const page = await listCustomers(c.var.crm, c.var.actor, query)
      return c.json({ items: page.items.map(toCustomerJson), next_cursor: page.nextCursor }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/customers/{id}',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(CustomerDetail, 'The customer with contacts, deals, last interactions, reminders'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { crm, actor } = c.var
      const customer = await getCustomer(crm, actor, c.req.valid('param').id)
      const [contactRows, dealRows, interactionRows, reminderRows] = await Promise.all([
        crm.db.select().from(contacts).where(eq(contacts.customerId, customer.id)),
        crm.db.select().from(deals).where(eq(deals.customerId, customer.id)),
        recentInteractions(crm, customer.id, 20),
        crm.db
          .select()
          .from(reminders)
          .where(and(eq(reminders.customerId, customer.id), eq(reminders.status, 'pending')))
          .orderBy(asc(reminders.dueAt)),
      ])
      return c.json(
        {
          customer: toCustomerJson(customer),
          contacts: contactRows.map(toContactJson),
          deals: dealRows.map(toDealJson),
          interactions: interactionRows.map(toInteractionJson),
          reminders: reminderRows.map(toReminderJson),
        },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers',
      request: { body: jsonBody(NewCustomerBody) },
      responses: { 201: jsonResponse(CustomerSchema, 'Created'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const row = await createCustomer(c.var.crm, c.var.actor, {
        name: body.name,
        industry: body.industry,
        ownerUserId: await ownerIdFrom(c.var.crm, c.var.actor, body),
        tags: body.tags,
        inPool: body.in_pool,
      })
      return c.json(toCustomerJson(row), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/customers/{id}',
      request: {
        params: IdParam,
        body: jsonBody(CustomerPatchBody),
      },
      responses: { 200: jsonResponse(CustomerSchema, 'Updated'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const ownerUserId = await ownerIdFrom(c.var.crm, c.var.actor, body)
      const row = await updateCustomer(c.var.crm, c.var.actor, c.req.valid('param').id, {
        ...(body.name !== undefined && { name: body.name }),
        ...(body.industry !== undefined && { industry: body.industry }),
        ...(ownerUserId !== undefined && { ownerUserId }),
        ...(body.tags !== undefined && { tags: body.tags }),
        ...(body.in_pool !== undefined && { inPool: body.in_pool }),
        ...(body.status !== undefined && { status: body.status }),
      })
      return c.json(toCustomerJson(row), 200)
    },
  )
