import { and, eq, sql } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { type Role, users, workspaces } from '../db/schema.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'

type UserRow = typeof users.$inferSelect

/**
 * The platform a workspace belongs to. The ways into one platform (`wecom`, `wecom-aibot`,
 * `wecom-webhook`) share its workspace and users: a rep who talks to the AI bot and to the self-built app
 * of one corp works on one set of customers.
 */
export function workspacePlatformOf(platform: string): string {
  return platform.split('-')[0] ?? platform
}

/** The workspace for a platform's team/corp, created on first sight. */
export async function ensureWorkspace(
  ctx: CrmContext,
  channelPlatform: string,
  externalId: string,
  name = '',
) {
  const platform = workspacePlatformOf(channelPlatform)
  // A new workspace starts in `team` sharing: a second user must not be locked out of the first one's
  // customers before anyone has set up teams. Existing rows keep their mode.
  await ctx.db
    .insert(workspaces)
    .values({ id: newId(), platform, externalId, name, sharingMode: 'team' })
    .onConflictDoNothing()
  const [row] = await ctx.db
    .select()
    .from(workspaces)
    .where(and(eq(workspaces.platform, platform), eq(workspaces.externalId, externalId)))
  if (!row) throw new Error(`workspace ${platform}/${externalId} vanished after insert`)
  return row
}

export interface UserProfile {
  displayName?: string | undefined
  timeZone?: string | undefined
  locale?: string | undefined
}

/**
 * The CRM user for a platform user, registered on first message: as `admin` when they are the first user of
 * the workspace (someone has to be able to hand out roles), `rep` otherwise. Profile hints update the row.
 */
export async function ensureUser(
  ctx: CrmContext,
  workspaceId: string,
  platformUserId: string,
  profile: UserProfile,
  defaultTimeZone: string,
): Promise<UserRow> {
  const existing = await findUser(ctx, workspaceId, platformUserId)
  if (existing) return updateProfile(ctx, existing, profile)
  const [{ count } = { count: 0 }] = await ctx.db
    .select({ count: sql<number>`count(*)` })
    .from(users)
    .where(eq(users.workspaceId, workspaceId))
  const row = {
    id: newId(),
    workspaceId,
    platformUserId,
    displayName: profile.displayName ?? platformUserId,
    timeZone: profile.timeZone ?? defaultTimeZone,
    locale: profile.locale ?? 'zh-CN',
    role: (count === 0 ? 'admin' : 'rep') as Role,
  }
  await ctx.db.batch([
    ctx.db.insert(users).values(row).onConflictDoNothing(),
    auditInsert(
      ctx.db,
      null,
      workspaceId,
      { action: 'create', entityType: 'user', entityId: row.id, after: row },
      ctx.now(),
    ),
  ])
  const created = await findUser(ctx, workspaceId, platformUserId)
  if (!created) throw new Error(`user ${platformUserId} vanished after insert`)
  return created
}

async function updateProfile(ctx: CrmContext, user: UserRow, profile: UserProfile): Promise<UserRow> {
  const patch: Partial<UserRow> = {}
  if (profile.displayName && profile.displayName !== user.displayName) patch.displayName = profile.displayName
  if (profile.timeZone && profile.timeZone !== user.timeZone) patch.timeZone = profile.timeZone
  if (Object.keys(patch).length === 0) return user
  await ctx.db.update(users).set(patch).where(eq(users.id, user.id))
  return { ...user, ...patch }
}

export async function findUser(ctx: CrmContext, workspaceId: string, platformUserId: string) {
  const [row] = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.workspaceId, workspaceId), eq(users.platformUserId, platformUserId)))
  return row
}

/** Finds a user of the workspace by platform id, CRM id or display name (what `crm role` accepts). */
export async function findUserByHandle(ctx: CrmContext, workspaceId: string, handle: string) {
  const rows = await ctx.db.select().from(users).where(eq(users.workspaceId, workspaceId))
  const wanted = handle.replace(/^@/, '').toLowerCase()
  return rows.find(
    (u) =>
      u.platformUserId.toLowerCase() === wanted ||
      u.id.toLowerCase() === wanted ||
      u.displayName.toLowerCase() === wanted,
  )
}

export function actorFromUser(user: UserRow): Actor {
  return {
    userId: user.id,
    workspaceId: user.workspaceId,
    role: user.role,
    teamId: user.teamId,
    displayName: user.displayName,
    timeZone: user.timeZone,
    locale: user.locale,
  }
}

/** Changes a user's role; only an admin may, and the last admin cannot demote themselves. */
export async function setUserRole(
  ctx: CrmContext,
  actor: Actor | null,
  target: UserRow,
  role: Role,
): Promise<UserRow> {
  if (actor && actor.role !== 'admin') throw new CrmError('forbidden', 'only an admin can change roles')
  if (target.role === 'admin' && role !== 'admin') {
    const admins = await ctx.db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.workspaceId, target.workspaceId), eq(users.role, 'admin')))
    if (admins.length <= 1)
      throw new CrmError('invalid', `${target.displayName} is the last admin of this workspace`)
  }
  await ctx.db.batch([
    ctx.db.update(users).set({ role }).where(eq(users.id, target.id)),
    auditInsert(
      ctx.db,
      actor,
      target.workspaceId,
      {
        action: 'role_change',
        entityType: 'user',
        entityId: target.id,
        before: { role: target.role },
        after: { role },
      },
      ctx.now(),
    ),
  ])
  return { ...target, role }
}
