import { eq } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { actorFromUser } from '../crm/users.ts'
import { users, workspaces } from '../db/schema.ts'
import { readSessionCookie } from './session-cookie.ts'

/** Who is signed in to the web pages, with the platform ids a chat message from them needs. */
export interface WebSession {
  actor: Actor
  /** The user's id on their platform (`U123` on Slack, the typed name for `web:local`). */
  platformUserId: string
  /** The workspace's platform (`web`, `slack`, `wecom`) and that platform's id for it. */
  workspace: { platform: string; externalId: string }
}

declare module 'hono' {
  interface ContextVariableMap {
    /** The signed-in web user as the same `Actor` the chat uses; unset when nobody is signed in. */
    webActor: Actor | undefined
    webSession: WebSession | undefined
  }
}

/**
 * Reads the session cookie on every request and sets `c.get('webActor')` / `c.get('webSession')` when it is
 * validly signed, unexpired, and its user still belongs to the workspace it names. Never refuses a request:
 * pages that need a user add `requireWebActor`.
 */
export function resolveWebActor(crm: CrmContext, secret: () => Promise<string>): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header('cookie')?.includes('crm_session=')) {
      const claim = await readSessionCookie(c, await secret(), crm.now().getTime())
      const session = claim ? await loadSession(crm, claim.userId, claim.workspaceId) : null
      if (session) {
        c.set('webActor', session.actor)
        c.set('webSession', session)
      }
    }
    return next()
  }
}

async function loadSession(crm: CrmContext, userId: string, workspaceId: string): Promise<WebSession | null> {
  const [row] = await crm.db
    .select({ user: users, workspace: workspaces })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
    .where(eq(users.id, userId))
  if (!row || row.user.workspaceId !== workspaceId) return null
  return {
    actor: actorFromUser(row.user),
    platformUserId: row.user.platformUserId,
    workspace: { platform: row.workspace.platform, externalId: row.workspace.externalId },
  }
}

/**
 * Refuses a request nobody is signed in for: 401 JSON naming how to sign in. Put it before any page or
 * route that acts as `c.get('webActor')`, which is then always set.
 */
export const requireWebActor: MiddlewareHandler = async (c, next) => {
  if (!c.get('webActor'))
    return c.json(
      {
        error: 'sign_in_required',
        message:
          'sign in first: send the bot "网页版" (or "/crm web") in a direct message, or run `crm login <user>`',
      },
      401,
    )
  return next()
}
