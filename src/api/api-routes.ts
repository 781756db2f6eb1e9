import { OpenAPIHono } from '@hono/zod-openapi'
import type { QuietHours } from '../config.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { activityRoutes } from './activity.routes.ts'
import { resolveApiActor } from './api-actor.ts'
import type { ApiEnv } from './api-env.ts'
import { customerRoutes } from './customers.routes.ts'
import { dataRoutes } from './data.routes.ts'
import { dealRoutes } from './deals.routes.ts'
import { reminderRoutes } from './reminders.routes.ts'
import { teamRoutes } from './team.routes.ts'
import { workspaceRulesRoutes } from './workspace-rules.routes.ts'

/** The REST API under `/api/v1`, with its OpenAPI document at `/api/v1/openapi.json`. */
export function createApiRoutes(
  crm: CrmContext,
  defaultTimeZone: string,
  quietHours: QuietHours | null = null,
) {
  const api = new OpenAPIHono<ApiEnv>()
  api.use('*', async (c, next) => {
    if (c.req.path.endsWith('/openapi.json')) return next()
    c.set('crm', crm)
    c.set('quietHours', quietHours)
    c.set(
      'actor',
      await resolveApiActor(
        crm,
        { workspace: c.req.header('x-crm-workspace'), user: c.req.header('x-crm-user') },
        defaultTimeZone,
      ),
    )
    return next()
  })
  api.route('/', customerRoutes)
  api.route('/', dealRoutes)
  api.route('/', activityRoutes)
  api.route('/', reminderRoutes)
  api.route('/', workspaceRulesRoutes)
  api.route('/', teamRoutes)
  api.route('/', dataRoutes)
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' })
  api.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Chat CRM API',
      version: '1.0.0',
      description: [
        'Customers, contacts, interactions, deals, reminders and the pipeline.',
        '',
        '**Who a call acts as.** `Authorization: Bearer <CRM_API_TOKEN>` when the server has one.',
        '`X-CRM-Workspace: <platform>:<id>` picks the workspace: `web:local` (the default, the web chat),',
        '`slack:T0123ABCD` (a Slack team id), `wecom:<corp id>`. Without it, Slack and WeCom data look empty.',
        '`X-CRM-User` acts as one user with their permissions: a user id, platform user id or name from',
        '`GET /users`, percent-encoded when not ASCII (`X-CRM-User: %E5%BC%A0%E4%BC%9F` is 张伟). Without',
        "it the call acts as the workspace's `api` admin; records it creates belong to `owner` when given.",
        'Query strings are percent-encoded too: `curl -G --data-urlencode "q=华为" …`.',
      ].join('\n'),
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
  })
  return api
}
