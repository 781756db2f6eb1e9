import { and, eq } from 'drizzle-orm'
import { customerCollaborators, SHARING_MODES, type SharingMode, workspaces } from '../db/schema.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'

/** The workspace's sharing mode; an unknown workspace reads as `private`, the safer answer. */
export async function sharingModeOf(ctx: CrmContext, workspaceId: string): Promise<SharingMode> {
  const [row] = await ctx.db
    .select({ mode: workspaces.sharingMode })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
  return row?.mode ?? 'private'
}

/** Sets the workspace's sharing mode; only an admin may (a null actor is the server's own CLI). */
export async function setSharingMode(
  ctx: CrmContext,
  actor: Actor | null,
  workspaceId: string,
  mode: string,
): Promise<SharingMode> {
  if (!SHARING_MODES.includes(mode as SharingMode))
    throw new CrmError('invalid', `sharing mode "${mode}": expected one of ${SHARING_MODES.join(', ')}`)
  if (actor && actor.role !== 'admin')
    throw new CrmError('forbidden', 'only an admin can change how customers are shared')
  const before = await sharingModeOf(ctx, workspaceId)
  await ctx.db.batch([
    ctx.db
      .update(workspaces)
      .set({ sharingMode: mode as SharingMode })
      .where(eq(workspaces.id, workspaceId)),
    auditInsert(
      ctx.db,
      actor,
      workspaceId,
      {
        action: 'update',
        entityType: 'workspace',
        entityId: workspaceId,
        before: { sharingMode: before },
        after: { sharingMode: mode },
      },
      ctx.now(),
    ),
  ])
  return mode as SharingMode
}

/** Whether `userId` is a 协作人 on the customer. */
export async function isCollaborator(ctx: CrmContext, customerId: string, userId: string): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: customerCollaborators.id })
    .from(customerCollaborators)
    .where(and(eq(customerCollaborators.customerId, customerId), eq(customerCollaborators.userId, userId)))
  return row !== undefined
}

/** Ids of the customers shared with the user. */
export async function sharedCustomerIds(ctx: CrmContext, userId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: customerCollaborators.customerId })
    .from(customerCollaborators)
    .where(eq(customerCollaborators.userId, userId))
  return rows.map((r) => r.id)
}

/** The users sharing a customer, for its card. */
export async function collaboratorIds(ctx: CrmContext, customerId: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: customerCollaborators.userId })
    .from(customerCollaborators)
    .where(eq(customerCollaborators.customerId, customerId))
  return rows.map((r) => r.id)
}
