import { createRoute, z } from '@hono/zod-openapi'
import { mergeCustomers, undoMerge } from '../crm/customer-merge.ts'
import { findDuplicates } from '../crm/matching/find-duplicates.ts'
import { MATCH_REASONS } from '../crm/matching/name-match.ts'
import { createApiRouter, jsonBody, jsonResponse } from './api-env.ts'
import { ERROR_RESPONSES, IdParam } from './api-schemas.ts'

const Named = z.object({ id: z.string(), name: z.string() })
const DuplicateSchema = z.object({
  kind: z.enum(['customer', 'contact']),
  a: Named,
  b: Named,
  score: z.number().openapi({ description: '0..1; a hint for ordering, never a reason to merge by itself' }),
  reasons: z.array(
    z.object({
      code: z.enum(Object.keys(MATCH_REASONS) as [keyof typeof MATCH_REASONS]),
      detail: z.string(),
    }),
  ),
})
const MergeSchema = z.object({
  id: z.string(),
  survivor_id: z.string(),
  merged_id: z.string(),
  moved: z.object({
    contacts: z.number(),
    deals: z.number(),
    interactions: z.number(),
    reminders: z.number(),
    aliases: z.number(),
  }),
  undone_at: z.string().nullable(),
})

const toMergeJson = (m: Awaited<ReturnType<typeof mergeCustomers>>): z.infer<typeof MergeSchema> => ({
  id: m.id,
  survivor_id: m.survivorId,
  merged_id: m.mergedId,
  moved: {
    contacts: m.moved.contacts.length,
    deals: m.moved.deals.length,
    interactions: m.moved.interactions.length,
    reminders: m.moved.reminders.length,
    aliases: m.moved.aliases.length,
  },
  undone_at: m.undoneAt ? m.undoneAt.toISOString() : null,
})

/** Duplicate candidates, merging customers and undoing a merge. */
export const dataRoutes = createApiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/duplicates',
      request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(DuplicateSchema) }),
          'Likely duplicates, best first, with why',
        ),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const items = await findDuplicates(c.var.crm, c.var.actor, { limit: c.req.valid('query').limit })
      return c.json({ items }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers/{id}/merge',
      request: {
        params: IdParam,
        body: jsonBody(
          z.object({ from_id: z.string().min(1).openapi({ description: 'The customer merged into :id' }) }),
        ),
      },
      responses: {
        201: jsonResponse(MergeSchema, 'Merged; undo with POST /merges/{id}/undo'),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const merge = await mergeCustomers(c.var.crm, c.var.actor, {
        survivorId: c.req.valid('param').id,
        mergedId: c.req.valid('json').from_id,
      })
      return c.json(toMergeJson(merge), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/merges/{id}/undo',
      request: { params: IdParam },
      responses: { 200: jsonResponse(MergeSchema, 'Undone: every moved record is back'), ...ERROR_RESPONSES },
    }),
    async (c) => c.json(toMergeJson(await undoMerge(c.var.crm, c.var.actor, c.req.valid('param').id)), 200),
  )
