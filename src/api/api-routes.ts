import { OpenAPIHono } from '@hono/zod-openapi'
import type { CrmContext } from '../crm/crm-context.ts'
import { activityRoutes } from './activity.routes.ts'
import { resolveApiActor } from './api-actor.ts'
import type { ApiEnv } from './api-env.ts'
import { customerRoutes } from './customers.routes.ts'
import { dataRoutes } from './data.routes.ts'
import { dealRoutes } from './deals.routes.ts'

/** The REST API under `/api/v1`, with its OpenAPI document at `/api/v1/openapi.json`. */
export function createApiRoutes(crm: CrmContext, defaultTimeZone: string) {
  const api = new OpenAPIHono<ApiEnv>()
  api.use('*', async (c, next) => {
    if (c.req.path.endsWith('/openapi.json')) return next()
    c.set('crm', crm)
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
  api.route('/', dataRoutes)
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' })
  api.doc('/openapi.json', {
    openapi: '3.0.3',
    info: {
      title: 'Chat CRM API',
      version: '1.0.0',
      description: 'Customers, contacts, interactions, deals, reminders and the pipeline.',
    },
    servers: [{ url: '/api/v1' }],
    security: [{ bearer: [] }],
  })
  return api
}
