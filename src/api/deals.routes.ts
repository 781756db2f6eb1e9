import { createRoute, z } from '@hono/zod-openapi'
import { createDeal, type DealPatch, listDeals, updateDeal } from '../crm/deals.ts'
import { pipelineSummary } from '../crm/pipeline-summary.ts'
import { DEAL_STAGES } from '../db/schema.ts'
import { createApiRouter, jsonBody, jsonResponse } from './api-env.ts'
import { findOwner, ownerIdFrom } from './api-owner.ts'
import {
  DealPatchBody,
  DealSchema,
  ERROR_RESPONSES,
  IdParam,
  NewDealBody,
  PageQuery,
  PeriodQuery,
  pageOf,
  toDealJson,
} from './api-schemas.ts'

const Totals = z.object({ count: z.number(), amount: z.number(), weighted_amount: z.number() })
const PipelineSchema = z
  .object({
    period: z.string(),
    owner: z.string().nullable().openapi({ description: 'Set when filtered to one owner' }),
    currency: z.string(),
    stages: z.array(Totals.extend({ stage: z.enum(DEAL_STAGES) })),
    owners: z.array(
      Totals.extend({
        owner: z.string(),
        owner_id: z.string().nullable(),
        won_count: z.number(),
        won_amount: z.number(),
      }),
    ),
    total: Totals.openapi({ description: 'Open deals now' }),
    won: Totals.openapi({ description: 'Won within the period' }),
    lost: Totals.openapi({ description: 'Lost within the period' }),
    moved: z.number().openapi({ description: 'Deals whose stage changed within the period' }),
    other_currencies: z.array(
      z.object({
        currency: z.string(),
        count: z.number(),
        amount: z.number(),
        open: Totals,
        won: Totals,
        lost: Totals,
      }),
    ),
  })
  .openapi('Pipeline')

export const dealRoutes = createApiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/deals',
      request: {
        query: PageQuery.extend({
          stage: z.enum(DEAL_STAGES).optional(),
          customer_id: z.string().optional(),
        }),
      },
      responses: {
        200: jsonResponse(pageOf(DealSchema), 'Deals you can see, newest first'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = await listDeals(c.var.crm, c.var.actor, { ...q, customerId: q.customer_id })
      return c.json({ items: page.items.map(toDealJson), next_cursor: page.nextCursor }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/deals',
      request: { body: jsonBody(NewDealBody) },
      responses: { 201: jsonResponse(DealSchema, 'Created'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const row = await createDeal(c.var.crm, c.var.actor, {
        customerId: b.customer_id,
        ...dealFields(b),
        ownerUserId: await ownerIdFrom(c.var.crm, c.var.actor, b),
      })
      return c.json(toDealJson(row), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/deals/{id}',
      request: {
        params: IdParam,
        body: jsonBody(DealPatchBody),
      },
      responses: {
        200: jsonResponse(DealSchema, 'Updated; a stage change is recorded in the stage history'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const row = await updateDeal(c.var.crm, c.var.actor, c.req.valid('param').id, {
        ...dealFields(b),
        ownerUserId: await ownerIdFrom(c.var.crm, c.var.actor, b),
      })
      return c.json(toDealJson(row), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/pipeline',
      request: {
        query: PeriodQuery.extend({
          owner: z
            .string()
            .optional()
            .openapi({ description: 'Only this owner: user id, platform id or name' }),
        }),
      },
      responses: {
        200: jsonResponse(PipelineSchema, 'Open pipeline now; moved, won and lost within the period'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const query = c.req.valid('query')
      const owner = query.owner ? await findOwner(c.var.crm, c.var.actor, query.owner) : undefined
      const s = await pipelineSummary(c.var.crm, c.var.actor, query.period, {
        owner: owner && { id: owner.id, name: owner.displayName },
      })
      return c.json(
        {
          period: s.period,
          owner: s.ownerName,
          currency: s.currency,
          stages: s.stages,
          owners: s.owners.map((o) => ({
            owner: o.owner,
            owner_id: o.ownerId,
            count: o.count,
            amount: o.amount,
            weighted_amount: o.weighted_amount,
            won_count: o.won_count,
            won_amount: o.won_amount,
          })),
          total: s.total,
          won: s.won,
          lost: s.lost,
          moved: s.moved,
          other_currencies: s.other_currencies,
        },
        200,
      )
    },
  )

/** The API's snake_case deal fields as the store's patch. */
function dealFields(b: z.infer<typeof DealPatchBody>): DealPatch {
  return {
    title: b.title,
    amount: b.amount,
    currency: b.currency,
    stage: b.stage,
    probability: b.probability,
    expectedClose: b.expected_close,
  }
}
