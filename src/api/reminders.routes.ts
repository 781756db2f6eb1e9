import { createRoute } from '@hono/zod-openapi'
import { cancelReminderSeries, createReminder, listReminders, updateReminder } from '../crm/reminders.ts'
import { createApiRouter, jsonBody, jsonResponse } from './api-env.ts'
import {
  ERROR_RESPONSES,
  IdParam,
  NewReminderBody,
  pageOf,
  ReminderListQuery,
  ReminderPatchBody,
  ReminderSchema,
  toReminderJson,
} from './api-schemas.ts'

/** Reminders: listed by what the caller may see, created, edited and cancelled. */
export const reminderRoutes = createApiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/reminders',
      request: { query: ReminderListQuery },
      responses: {
        200: jsonResponse(
          pageOf(ReminderSchema),
          'Reminders you may see (own for a rep, the team for a manager, all for an admin or the integration user), soonest first',
        ),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = await listReminders(c.var.crm, c.var.actor, {
        owner: q.owner,
        status: q.status,
        dueBefore: q.due_before ? new Date(q.due_before) : undefined,
        cursor: q.cursor,
        limit: q.limit,
      })
      return c.json({ items: page.items.map(toReminderJson), next_cursor: page.nextCursor }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/reminders',
      request: { body: jsonBody(NewReminderBody) },
      responses: { 201: jsonResponse(ReminderSchema, 'Created'), ...ERROR_RESPONSES },
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
        recurrence: b.recurrence,
      })
      return c.json(toReminderJson(row), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/reminders/{id}',
      request: { params: IdParam, body: jsonBody(ReminderPatchBody) },
      responses: {
        200: jsonResponse(ReminderSchema, 'Updated; a new time makes it go out again then'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const row = await updateReminder(c.var.crm, c.var.actor, c.req.valid('param').id, {
        text: b.text,
        dueAt: b.due_at ? new Date(b.due_at) : undefined,
        status: b.status,
      })
      return c.json(toReminderJson(row), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/reminders/{id}',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(
          pageOf(ReminderSchema),
          'Cancelled: the reminder, or every occurrence to come of its series',
        ),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const rows = await cancelReminderSeries(c.var.crm, c.var.actor, c.req.valid('param').id)
      return c.json({ items: rows.map(toReminderJson), next_cursor: null }, 200)
    },
  )
