import { and, eq, gte } from 'drizzle-orm'
import type { Lang } from '../chat/intents/intent-context.ts'
import type { QuietHours } from '../config.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { formatLocalTime } from '../crm/local-time.ts'
import { type PoolStanding, poolStandings, returnToPool } from '../crm/public-pool.ts'
import { type WorkspaceRules, workspaceRules } from '../crm/workspace-settings.ts'
import { customers, jobRuns, workspaces } from '../db/schema.ts'

const DAY_MS = 86_400_000
const SWEEP_EVERY_MS = 10 * 60_000

/**
 * One pass of the 公海 rules over every workspace that turned them on: customers past their deadline return
 * to the pool. Owners hear of it, and of deadlines within `warnDays`, in their morning digest.
 */
export async function sweepPublicPool(
  crm: CrmContext,
  defaultQuietHours: QuietHours | null,
): Promise<number> {
  const now = crm.now()
  // Deadlines are days apart: one sweep every ten minutes, across every instance, is plenty.
  const slot = Math.floor(now.getTime() / SWEEP_EVERY_MS)
  const claimed = await crm.db
    .insert(jobRuns)
    .values({ key: `pool-sweep:${slot}`, ranAt: now })
    .onConflictDoNothing()
    .returning()
  if (claimed.length === 0) return 0
  let returned = 0
  for (const workspace of await crm.db.select().from(workspaces)) {
    const rules = await workspaceRules(crm, workspace.id, defaultQuietHours)
    if (!rules.pool.enabled) continue
    for (const standing of await poolStandings(crm, workspace.id, rules.pool)) {
      if (now >= standing.returnsAt && (await returnToPool(crm, standing.customer, standing.reason)))
        returned++
    }
  }
  return returned
}

/** What the digest tells one owner about the pool: their customers near a deadline, and those just returned. */
export interface PoolNotice {
  warnings: { id: string; name: string; returnsAt: string; returnsLocal: string; reason: string }[]
  returned: { id: string; name: string }[]
}

export async function poolNoticeFor(
  crm: CrmContext,
  user: { id: string; workspaceId: string; timeZone: string },
  rules: WorkspaceRules,
  lang: Lang,
): Promise<PoolNotice> {
  if (!rules.pool.enabled) return { warnings: [], returned: [] }
  const now = crm.now().getTime()
  const standings = await poolStandings(crm, user.workspaceId, rules.pool, user.id)
  const warnings = standings
    .filter((s) => s.returnsAt.getTime() - rules.pool.warnDays * DAY_MS <= now)
    .map((s) => ({
      id: s.customer.id,
      name: s.customer.name,
      returnsAt: s.returnsAt.toISOString(),
      returnsLocal: formatLocalTime(s.returnsAt, user.timeZone, lang === 'zh' ? 'zh-CN' : 'en-US'),
      reason: lang === 'zh' ? reasonZh(s, rules) : reasonEn(s, rules),
    }))
  const returned = await crm.db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, user.workspaceId),
        eq(customers.lastOwnerUserId, user.id),
        eq(customers.inPool, true),
        gte(customers.poolReturnedAt, new Date(now - DAY_MS)),
      ),
    )
  return { warnings, returned }
}

const reasonZh = (s: PoolStanding, r: { pool: { noFollowUpDays: number; noWonDays: number } }) =>
  s.reason === 'no_follow_up' ? `${r.pool.noFollowUpDays}天未跟进` : `${r.pool.noWonDays}天未成交`
const reasonEn = (s: PoolStanding, r: { pool: { noFollowUpDays: number; noWonDays: number } }) =>
  s.reason === 'no_follow_up'
    ? `no follow-up for ${r.pool.noFollowUpDays} days`
    : `no won deal in ${r.pool.noWonDays} days`

/** Customers that went back to the pool since `since`, for managers' digests. */
export function recentPoolReturns(crm: CrmContext, workspaceId: string, since: Date) {
  return crm.db
    .select({ id: customers.id, name: customers.name, lastOwnerUserId: customers.lastOwnerUserId })
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, workspaceId),
        eq(customers.inPool, true),
        gte(customers.poolReturnedAt, since),
      ),
    )
}
