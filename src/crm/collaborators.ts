import { newId } from '../db/database.ts'
import { customerCollaborators, type users } from '../db/schema.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { getCustomer } from './customers.ts'
import { isCollaborator } from './sharing.ts'

type UserRow = typeof users.$inferSelect

/**
 * Makes `user` a 协作人 on the customer: they may read it and log notes on it even in a `private`
 * workspace. The owner, a manager or an admin who can see the customer may share it; a collaborator may
 * not pass it on. Adding someone twice is a no-op (`added: false`).
 */
export async function addCollaborator(
  ctx: CrmContext,
  actor: Actor,
  customerId: string,
  user: UserRow,
): Promise<{ added: boolean }> {
  const customer = await getCustomer(ctx, actor, customerId)
  if (user.workspaceId !== actor.workspaceId)
    throw new CrmError('invalid', `user "${user.displayName}" is not in this workspace`)
  const mayShare = actor.role !== 'rep' || customer.ownerUserId === actor.userId
  if (!mayShare)
    throw new CrmError('forbidden', `only the owner of ${customer.name}, a manager or an admin can share it`)
  if (customer.ownerUserId === user.id || (await isCollaborator(ctx, customer.id, user.id)))
    return { added: false }
  const now = ctx.now()
  const row = {
    id: newId(),
    workspaceId: actor.workspaceId,
    customerId: customer.id,
    userId: user.id,
    addedByUserId: actor.userId,
    createdAt: now,
  }
  await ctx.db.batch([
    ctx.db.insert(customerCollaborators).values(row).onConflictDoNothing(),
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'create', entityType: 'customer_collaborator', entityId: row.id, after: row },
      now,
    ),
  ])
  return { added: true }
}
