import { createRoute, type z, z as zod } from '@hono/zod-openapi'
import { createDeal, listDeals, updateDeal } from '../crm/deals.ts'
import { pipelineSummary } from '../crm/pipeline-summary.ts'
import { DEAL_STAGES } from '../db/schema.ts'
import { createApiRouter } from './api-env.ts'
import {
  DealPatchBody,
  DealSchema,
  ErrorSchema,
  IdParam,
  NewDealBody,
  PageQuery,
  PeriodQuery,
  pageOf,
  toDealJson,
} from './api-schemas.ts'

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})
const errors = { 400: json(ErrorSchema, 'Invalid request'), 404: json(ErrorSchema, 'Not found or not yours') }

const Totals = zod.object({ count: zod.number(), amount: zod.number(), weighted_amount: zod.number() })
const PipelineSchema = zod
  .object({
    period: zod.string(),
    currency: zod.string(),
    stages: zod.array(Totals.extend({ stage: zod.enum(DEAL_STAGES) })),
    owners: zod.array(Totals.extend({ owner: zod.string(), owner_id: zod.string().nullable() })),
    total: Totals,
    other_currencies: zod.array(
      zod.object({ currency: zod.string(), count: zod.number(), amount: zod.number() }),
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
          stage: zod.enum(DEAL_STAGES).optional(),
          customer_id: zod.string().optional(),
        }),
      },
      responses: { 200: json(pageOf(DealSchema), 'Deals you can see, newest first'), ...errors },
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
      request: { body: { content: { 'application/json': { schema: NewDealBody } }, required: true } },
      responses: { 201: json(DealSchema, 'Created'), ...errors },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const row = await createDeal(c.var.crm, c.var.actor, {
        customerId: b.customer_id,
        title: b.title,
        amount: b.amount,
        currency: b.currency,
        stage: b.stage,
        probability: b.probability,
        expectedClose: b.expected_close,
        ownerUserId: b.owner_id,
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
        body: { content: { 'application/json': { schema: DealPatchBody } }, required: true },
      },
      responses: {
        200: json(DealSchema, 'Updated; a stage change is recorded in the stage history'),
        ...errors,
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const row = await updateDeal(c.var.crm, c.var.actor, c.req.valid('param').id, {
        title: b.title,
        amount: b.amount,
        currency: b.currency,
        stage: b.stage,
        probability: b.probability,
        expectedClose: b.expected_close,
        ownerUserId: b.owner_id,
      })
      return c.json(toDealJson(row), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/pipeline',
      request: { query: PeriodQuery },
      responses: { 200: json(PipelineSchema, 'Pipeline by stage and owner'), ...errors },
    }),
    async (c) => {
      const s = await pipelineSummary(c.var.crm, c.var.actor, c.req.valid('query').period)
      return c.json(
        {
          period: s.period,
          currency: s.currency,
          stages: s.stages,
          owners: s.owners.map((o) => ({
            owner: o.owner,
            owner_id: o.ownerId,
            count: o.count,
            amount: o.amount,
            weighted_amount: o.weighted_amount,
          })),
          total: s.total,
          other_currencies: s.other_currencies,
        },
        200,
      )
    },
  )
