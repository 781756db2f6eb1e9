import { OpenAPIHono, type z } from '@hono/zod-openapi'
import type { QuietHours } from '../config.ts'
import type { Actor, CrmContext } from '../crm/crm-context.ts'

/** Per-request values the API's middleware sets for its handlers. */
export interface ApiEnv {
  /** `quietHours`: QUIET_HOURS, the default for workspaces that set none. */
  Variables: { actor: Actor; crm: CrmContext; quietHours: QuietHours | null }
}

/** An OpenAPI router whose validation failures answer 400 naming the bad field. */
export function createApiRouter() {
  return new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const message = result.error.issues
          .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
          .join('; ')
        return c.json({ error: 'invalid_request', message }, 400)
      }
      return undefined
    },
  })
}

/** A JSON response entry for a route's `responses`. */
export const jsonResponse = <T extends z.ZodTypeAny>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})

/** A JSON request body entry for a route's `request`. */
export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  content: { 'application/json': { schema } },
  required: true,
})
