import { eq, inArray } from 'drizzle-orm'
import { teams, users } from '../db/schema.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { sharingModeOf } from './sharing.ts'

/**
 * The owners whose records the actor may read and write. In a `team` workspace (the default for new ones)
 * everybody's (null); in a `private` one what the actor answers for (see `responsibleOwnerIds`). Customers
 * shared with the actor as 协作人 are added by the customer queries, not here.
 */
export async function visibleOwnerIds(ctx: CrmContext, actor: Actor): Promise<string[] | null> {
  if (actor.role === 'admin') return null
  if ((await sharingModeOf(ctx, actor.workspaceId)) === 'team') return null
  return responsibleOwnerIds(ctx, actor)
}

/**
 * The owners the actor answers for, whatever the sharing mode: a rep their own, a manager everyone in the
 * teams they manage (and their own), an admin everything (null). Digests and going-cold lists use this,
 * so a rep in a `team` workspace is not sent the whole company's silent customers.
 */
export async function responsibleOwnerIds(ctx: CrmContext, actor: Actor): Promise<string[] | null> {
  if (actor.role === 'admin') return null
  if (actor.role === 'rep') return [actor.userId]
  const managed = await ctx.db
    .select({ id: teams.id })
    .from(teams)
    .where(eq(teams.managerUserId, actor.userId))
  const teamIds = managed.map((t) => t.id)
  if (actor.teamId) teamIds.push(actor.teamId)
  if (teamIds.length === 0) return [actor.userId]
  const members = await ctx.db.select({ id: users.id }).from(users).where(inArray(users.teamId, teamIds))
  return [...new Set([actor.userId, ...members.map((m) => m.id)])]
}

/** Whether the actor may see a record owned by `ownerUserId` (pool customers are open to everyone). */
export function canAccess(
  actor: Actor,
  owners: string[] | null,
  record: { workspaceId: string; ownerUserId: string | null; inPool?: boolean },
): boolean {
  if (record.workspaceId !== actor.workspaceId) return false
  if (owners === null || record.inPool) return true
  return record.ownerUserId !== null && owners.includes(record.ownerUserId)
}

/** Throws `forbidden` unless the actor may access the record. */
export async function assertAccess(
  ctx: CrmContext,
  actor: Actor,
  record: { workspaceId: string; ownerUserId: string | null; inPool?: boolean },
  what: string,
): Promise<void> {
  if (!canAccess(actor, await visibleOwnerIds(ctx, actor), record)) {
    throw new CrmError('forbidden', `${what} belongs to someone outside your team`)
  }
}
