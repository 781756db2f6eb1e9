import { and, eq } from 'drizzle-orm'
import { users } from '../db/schema.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'

/**
 * Refuses (400, naming `owner_id`) an owner who is not a user of the actor's workspace, before the write
 * would hit the foreign key and fail as a 500.
 */
export async function assertOwnerInWorkspace(
  ctx: CrmContext,
  actor: Actor,
  ownerUserId: string,
): Promise<void> {
  const [owner] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, ownerUserId), eq(users.workspaceId, actor.workspaceId)))
  if (!owner)
    throw new CrmError('invalid', `owner_id "${ownerUserId}" is not a user of this workspace`, 'owner_id')
}
