import { createRoute, z } from '@hono/zod-openapi'
import { parseQuietHours } from '../config.ts'
import { CrmError } from '../crm/crm-error.ts'
import { updateWorkspaceRules, type WorkspaceRules, workspaceRules } from '../crm/workspace-settings.ts'
import { createApiRouter, jsonBody, jsonResponse } from './api-env.ts'
import { ERROR_RESPONSES } from './api-schemas.ts'

const days = z.number().int().min(1).max(3650)
const RulesSchema = z
  .object({
    quiet_hours: z.string().nullable().openapi({ example: '21:00-08:00', description: 'null when off' }),
    pool: z.object({
      enabled: z.boolean(),
      no_follow_up_days: days,
      no_won_days: days,
      warn_days: days,
      claim_limit: z.number().int().min(1).max(100000),
    }),
    nudges: z.object({ deal_days: days, customer_days: days }),
  })
  .openapi('WorkspaceRules')

const RulesPatch = z.object({
  quiet_hours: z
    .string()
    .nullable()
    .optional()
    .openapi({ description: '`21:00-08:00`, or `off`/null to turn quiet hours off' }),
  pool: RulesSchema.shape.pool.partial().optional(),
  nudges: RulesSchema.shape.nudges.partial().optional(),
})

const clock = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
const toJson = (r: WorkspaceRules): z.infer<typeof RulesSchema> => ({
  quiet_hours: r.quietHours ? `${clock(r.quietHours.startMinute)}-${clock(r.quietHours.endMinute)}` : null,
  pool: {
    enabled: r.pool.enabled,
    no_follow_up_days: r.pool.noFollowUpDays,
    no_won_days: r.pool.noWonDays,
    warn_days: r.pool.warnDays,
    claim_limit: r.pool.claimLimit,
  },
  nudges: { deal_days: r.nudges.dealDays, customer_days: r.nudges.customerDays },
})

/** The workspace's push and 公海 rules: anyone reads them, an admin changes them. */
export const workspaceRulesRoutes = createApiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/workspace/rules',
      responses: { 200: jsonResponse(RulesSchema, 'Quiet hours, 公海 and nudge rules'), ...ERROR_RESPONSES },
    }),
    async (c) =>
      c.json(toJson(await workspaceRules(c.var.crm, c.var.actor.workspaceId, c.var.quietHours)), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/workspace/rules',
      request: { body: jsonBody(RulesPatch) },
      responses: { 200: jsonResponse(RulesSchema, 'Updated (admins only)'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const b = c.req.valid('json')
      let quietHours: ReturnType<typeof parseQuietHours> | undefined
      if (b.quiet_hours !== undefined) {
        try {
          quietHours = b.quiet_hours === null ? null : parseQuietHours(b.quiet_hours)
        } catch {
          throw new CrmError('invalid', `quiet_hours "${b.quiet_hours}" should look like 21:00-08:00, or off`)
        }
      }
      const p = b.pool
      const rules = await updateWorkspaceRules(
        c.var.crm,
        c.var.actor,
        {
          quietHours,
          pool: p && {
            enabled: p.enabled,
            noFollowUpDays: p.no_follow_up_days,
            noWonDays: p.no_won_days,
            warnDays: p.warn_days,
            claimLimit: p.claim_limit,
          },
          nudges: b.nudges && { dealDays: b.nudges.deal_days, customerDays: b.nudges.customer_days },
        },
        c.var.quietHours,
      )
      return c.json(toJson(rules), 200)
    },
  )
