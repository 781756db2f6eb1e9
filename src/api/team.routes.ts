import { createRoute, z } from '@hono/zod-openapi'
import { eq } from 'drizzle-orm'
import { addCollaborator } from '../crm/collaborators.ts'
import { collaboratorIds, setSharingMode, sharingModeOf } from '../crm/sharing.ts'
import { ROLES, SHARING_MODES, users } from '../db/schema.ts'
import { createApiRouter, jsonBody, jsonResponse } from './api-env.ts'
import { findOwner } from './api-owner.ts'
import { ERROR_RESPONSES, IdParam } from './api-schemas.ts'

const UserSchema = z
  .object({
    id: z.string(),
    platform_user_id: z.string().openapi({ description: 'What X-CRM-User and `owner` also accept' }),
    name: z.string(),
    role: z.enum(ROLES),
    team_id: z.string().nullable(),
  })
  .openapi('User')
const SharingSchema = z.object({ mode: z.enum(SHARING_MODES) }).openapi('Sharing', {
  description: '`team`: everyone reads and writes every customer. `private`: own, team and shared only.',
})
const CollaboratorBody = z.object({
  user: z.string().min(1).openapi({ description: 'User id, platform user id or name', example: '李娜' }),
})

/** The workspace's people and how customers are shared among them. */
export const teamRoutes = createApiRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/users',
      responses: { 200: jsonResponse(z.object({ items: z.array(UserSchema) }), 'Users of the workspace') },
    }),
    async (c) => {
      const rows = await c.var.crm.db
        .select()
        .from(users)
        .where(eq(users.workspaceId, c.var.actor.workspaceId))
      const items = rows.map((u) => ({
        id: u.id,
        platform_user_id: u.platformUserId,
        name: u.displayName,
        role: u.role,
        team_id: u.teamId,
      }))
      return c.json({ items }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/workspace/sharing',
      responses: { 200: jsonResponse(SharingSchema, 'The sharing mode') },
    }),
    async (c) => c.json({ mode: await sharingModeOf(c.var.crm, c.var.actor.workspaceId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/workspace/sharing',
      request: { body: jsonBody(SharingSchema) },
      responses: { 200: jsonResponse(SharingSchema, 'Changed (admins only)'), ...ERROR_RESPONSES },
    }),
    async (c) => {
      const { crm, actor } = c.var
      return c.json(
        { mode: await setSharingMode(crm, actor, actor.workspaceId, c.req.valid('json').mode) },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/customers/{id}/collaborators',
      request: { params: IdParam, body: jsonBody(CollaboratorBody) },
      responses: {
        200: jsonResponse(
          z.object({ added: z.boolean(), collaborators: z.array(z.string()) }),
          '协作人 added',
        ),
        ...ERROR_RESPONSES,
      },
    }),
    async (c) => {
      const { crm, actor } = c.var
      const id = c.req.valid('param').id
      const user = await findOwner(crm, actor, c.req.valid('json').user)
      const { added } = await addCollaborator(crm, actor, id, user)
      return c.json({ added, collaborators: await collaboratorIds(crm, id) }, 200)
    },
  )
