import { eq } from 'drizzle-orm'
import type { QuietHours } from '../config.ts'
import { workspaceSettings } from '../db/schema.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'

/** A workspace's push and 公海 rules, defaults filled in. */
export interface WorkspaceRules {
  /** Null when pushes never wait. */
  quietHours: QuietHours | null
  pool: {
    enabled: boolean
    /** A customer with no follow-up for this many days returns to the pool (default 30). */
    noFollowUpDays: number
    /** …or with no won deal for this many days since its owner took it (default 90). */
    noWonDays: number
    /** The owner is told this many days before (default 3). */
    warnDays: number
    /** How many customers one rep may hold when claiming from the pool (default 50). */
    claimLimit: number
  }
  nudges: {
    /** An open deal with no interaction for this many days (default 14). */
    dealDays: number
    /** 沉睡客户: a customer silent this long (default 60). */
    customerDays: number
  }
}

type SettingsRow = typeof workspaceSettings.$inferSelect

const DEFAULT_ROW = {
  // Off until an admin turns it on: switching it on for a team that never agreed to it would take customers away.
  poolEnabled: false,
  poolNoFollowUpDays: 30,
  poolNoWonDays: 90,
  poolWarnDays: 3,
  poolClaimLimit: 50,
  nudgeDealDays: 14,
  nudgeCustomerDays: 60,
}

/** The rules in force for a workspace; `defaultQuietHours` (from QUIET_HOURS) when it set none. */
export async function workspaceRules(
  ctx: CrmContext,
  workspaceId: string,
  defaultQuietHours: QuietHours | null,
): Promise<WorkspaceRules> {
  const [row] = await ctx.db
    .select()
    .from(workspaceSettings)
    .where(eq(workspaceSettings.workspaceId, workspaceId))
  return rulesOf(row, defaultQuietHours)
}

function rulesOf(row: SettingsRow | undefined, defaultQuietHours: QuietHours | null): WorkspaceRules {
  const r = row ?? DEFAULT_ROW
  return {
    quietHours: row
      ? row.quietHoursEnabled
        ? { startMinute: row.quietStartMinute, endMinute: row.quietEndMinute }
        : null
      : defaultQuietHours,
    pool: {
      enabled: r.poolEnabled,
      noFollowUpDays: r.poolNoFollowUpDays,
      noWonDays: r.poolNoWonDays,
      warnDays: r.poolWarnDays,
      claimLimit: r.poolClaimLimit,
    },
    nudges: { dealDays: r.nudgeDealDays, customerDays: r.nudgeCustomerDays },
  }
}

/** What an admin may change; absent fields keep their value. */
export interface RulesPatch {
  quietHours?: QuietHours | null | undefined
  pool?: Partial<WorkspaceRules['pool']> | undefined
  nudges?: Partial<WorkspaceRules['nudges']> | undefined
}

/** Changes a workspace's rules; admins only, audited. */
export async function updateWorkspaceRules(
  ctx: CrmContext,
  actor: Actor,
  patch: RulesPatch,
  defaultQuietHours: QuietHours | null,
): Promise<WorkspaceRules> {
  if (actor.role !== 'admin') throw new CrmError('forbidden', 'only an admin may change the workspace rules')
  const before = await workspaceRules(ctx, actor.workspaceId, defaultQuietHours)
  const quiet = patch.quietHours === undefined ? before.quietHours : patch.quietHours
  const pool = { ...before.pool, ...definedOnly(patch.pool) }
  const nudges = { ...before.nudges, ...definedOnly(patch.nudges) }
  for (const [name, days] of Object.entries({ ...pool, ...nudges })) {
    if (typeof days === 'number' && (!Number.isInteger(days) || days < 1 || days > 3650))
      throw new CrmError('invalid', `${name} ${days} should be a whole number from 1 to 3650`)
  }
  const row = {
    workspaceId: actor.workspaceId,
    quietHoursEnabled: quiet !== null,
    quietStartMinute: quiet?.startMinute ?? 21 * 60,
    quietEndMinute: quiet?.endMinute ?? 8 * 60,
    poolEnabled: pool.enabled,
    poolNoFollowUpDays: pool.noFollowUpDays,
    poolNoWonDays: pool.noWonDays,
    poolWarnDays: pool.warnDays,
    poolClaimLimit: pool.claimLimit,
    nudgeDealDays: nudges.dealDays,
    nudgeCustomerDays: nudges.customerDays,
    updatedAt: ctx.now(),
  }
  await ctx.db.batch([
    ctx.db
      .insert(workspaceSettings)
      .values(row)
      .onConflictDoUpdate({ target: workspaceSettings.workspaceId, set: row }),
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'update', entityType: 'workspace_settings', entityId: actor.workspaceId, before, after: row },
      ctx.now(),
    ),
  ])
  return rulesOf(row, defaultQuietHours)
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>
}
