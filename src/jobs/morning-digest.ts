import { eq } from 'drizzle-orm'
import { type Lang, languageOf, t } from '../chat/intents/intent-context.ts'
import { moneyLabel } from '../chat/labels.ts'
import type { DigestData } from '../chat/reply-data.ts'
import type { QuietHours } from '../config.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { zonedParts } from '../crm/local-time.ts'
import { pipelineSummary } from '../crm/pipeline-summary.ts'
import { listOpenReminders } from '../crm/reminders.ts'
import { reminderSummary } from '../crm/summaries.ts'
import { actorFromUser } from '../crm/users.ts'
import { type WorkspaceRules, workspaceRules } from '../crm/workspace-settings.ts'
import { jobRuns, users, workspaces } from '../db/schema.ts'
import { enqueueStatement, type OutboxItem } from '../outbox/outbox-store.ts'
import { goingCold } from './going-cold.ts'
import { lastDirectChatOf } from './last-direct-chat.ts'
import { dueNudges, nudgeSection, recordNudgedStatements } from './owner-nudges.ts'
import { poolNoticeFor, recentPoolReturns } from './pool-sweep.ts'
import { mayPushNow } from './quiet-hours.ts'

export interface DigestOptions {
  digestHour: number
  staleAfterDays: number
  /** QUIET_HOURS: the default for workspaces that set none. */
  quietHours?: QuietHours | null | undefined
}

/**
 * The morning digest, once a day per user at `digestHour` in their own zone: today's reminders and what is
 * going cold; managers and admins also get their team's pipeline. Put in the outbox for the chat they last
 * DMed the bot in, with the key `digest:<user id>:<local day>`, in the same batch as the day's `job_runs`
 * row: two schedulers computing the same digest queue it once. Resolves to the number of digests queued.
 */
export async function enqueueMorningDigests(
  crm: CrmContext,
  platforms: ReadonlySet<string>,
  options: DigestOptions,
) {
  const rows = await crm.db
    .select({ user: users, workspace: workspaces })
    .from(users)
    .innerJoin(workspaces, eq(workspaces.id, users.workspaceId))
  let queued = 0
  for (const { user, workspace } of rows) {
    const local = zonedParts(crm.now(), user.timeZone)
    if (local.hour !== options.digestHour || user.platformUserId === 'api') continue
    const rules = await workspaceRules(crm, workspace.id, options.quietHours ?? null)
    if (!mayPushNow(crm.now(), user.timeZone, rules.quietHours)) continue
    const key = `digest:${user.id}:${local.year}-${local.month}-${local.day}`
    const [done] = await crm.db.select().from(jobRuns).where(eq(jobRuns.key, key))
    if (done) continue
    const markDone = crm.db.insert(jobRuns).values({ key, ranAt: crm.now() }).onConflictDoNothing()
    const chat = await lastDirectChatOf(crm, workspace.platform, workspace.externalId, user.platformUserId)
    const lang = languageOf(chat?.text ?? '')
    const today = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`
    const data =
      chat && platforms.has(chat.platform)
        ? await digestData(crm, user, local.hour, options, { rules, today, lang })
        : null
    if (!chat || !data) {
      await markDone
      continue
    }
    const nudges = nudgeSection(data.nudges ?? [], lang)
    const item: OutboxItem = {
      dedupeKey: key,
      target: {
        platform: chat.platform,
        workspaceId: workspace.externalId,
        chatId: chat.chatId,
        userPlatformId: user.platformUserId,
      },
      reply: {
        // In the language the user last wrote to the bot in: a push has no message of its own to answer.
        text: [digestText(data, options.staleAfterDays, lang), ...nudges.lines].join('\n'),
        intent: 'digest',
        data: data as unknown as Record<string, unknown>,
        actions: nudges.actions,
      },
    }
    await crm.db.batch([
      markDone,
      enqueueStatement(crm.db, [item], crm.now().getTime()),
      ...recordNudgedStatements(crm, workspace.id, user.id, data.nudges ?? []),
    ])
    queued++
  }
  return queued
}

/** What a user's digest shows, or null when it would be empty. */
async function digestData(
  crm: CrmContext,
  user: typeof users.$inferSelect,
  localHour: number,
  options: DigestOptions,
  at: { rules: WorkspaceRules; today: string; lang: Lang },
): Promise<DigestData | null> {
  const actor = actorFromUser(user)
  const endOfDay = new Date(crm.now().getTime() + (24 - localHour) * 3_600_000)
  const reminders = (await listOpenReminders(crm, actor, 50)).filter((r) => r.dueAt < endOfDay)
  const cold = await goingCold(crm, actor, options.staleAfterDays)
  const isManager = user.role !== 'rep'
  const nudges = await dueNudges(
    crm,
    { workspaceId: user.workspaceId, ownerUserId: user.id },
    at.rules.nudges,
    at.today,
  )
  // A record nudged with buttons is not listed a second time among the going-cold lines.
  const nudged = new Set(
    nudges.flatMap((n) => [n.dealId, n.kind === 'sleeping_customer' ? n.customerId : null]),
  )
  const data: DigestData = {
    dueToday: reminders.map((r) => reminderSummary(r, actor, null)),
    staleCustomers: cold.customers.filter((c) => !nudged.has(c.id)).slice(0, 10),
    staleDeals: cold.deals.filter((d) => !nudged.has(d.id)).slice(0, 10),
    pipeline: isManager ? await pipelineSummary(crm, actor, 'this_month') : null,
    nudges,
    pool: await poolNoticeFor(crm, user, at.rules, at.lang),
    poolReturns: isManager
      ? (await recentPoolReturns(crm, user.workspaceId, new Date(crm.now().getTime() - 86_400_000))).map(
          (c) => ({
            id: c.id,
            name: c.name,
          }),
        )
      : [],
  }
  const pool = data.pool
  if (
    !data.dueToday.length &&
    !data.staleCustomers.length &&
    !data.staleDeals.length &&
    !data.pipeline &&
    !nudges.length &&
    !pool?.warnings.length &&
    !pool?.returned.length
  )
    return null
  return data
}

export function digestText(data: DigestData, staleDays: number, lang: Lang = 'zh'): string {
  const lines = [t(lang, '☀️ 早安!今日概览', '☀️ Good morning! Your day at a glance')]
  if (data.dueToday.length)
    lines.push(
      t(lang, `⏰ 今日提醒 ${data.dueToday.length} 条:`, `⏰ ${data.dueToday.length} due today:`),
      ...data.dueToday.map((r) => `- ${r.dueLocal} ${r.text}`),
    )
  if (data.staleCustomers.length) {
    const pool = t(lang, '公海', 'unowned')
    lines.push(
      t(
        lang,
        `🥶 超过 ${staleDays} 天未跟进的客户:`,
        `🥶 Customers with no note for over ${staleDays} days:`,
      ),
      ...data.staleCustomers.map((c) =>
        t(
          lang,
          `- ${c.name}(${c.ownerName ?? pool},${c.daysSilent} 天)`,
          `- ${c.name} (${c.ownerName ?? pool}, ${c.daysSilent} days)`,
        ),
      ),
    )
  }
  if (data.staleDeals.length)
    lines.push(
      t(lang, '💤 停滞的商机:', '💤 Deals stalling:'),
      ...data.staleDeals.map((d) =>
        t(
          lang,
          `- ${d.customerName} · ${d.title}(${d.daysSilent} 天)`,
          `- ${d.customerName} · ${d.title} (${d.daysSilent} days)`,
        ),
      ),
    )
  if (data.poolReturns?.length)
    lines.push(
      t(
        lang,
        `🌊 昨天回到公海的客户 ${data.poolReturns.length} 个:`,
        `🌊 ${data.poolReturns.length} customers went back to the public pool:`,
      ),
      ...data.poolReturns.map((c) => `- ${c.name}`),
    )
  for (const c of data.pool?.returned ?? [])
    lines.push(t(lang, `🌊 「${c.name}」已回到公海`, `🌊 ${c.name} went back to the public pool`))
  for (const c of data.pool?.warnings ?? [])
    lines.push(
      t(
        lang,
        `⚠️ 「${c.name}」将于 ${c.returnsLocal} 回到公海(${c.reason}),跟进一下即可保留`,
        `⚠️ ${c.name} returns to the public pool ${c.returnsLocal} (${c.reason}); log a follow-up to keep it`,
      ),
    )
  if (data.pipeline) {
    const { count, weighted_amount } = data.pipeline.total
    const weighted = moneyLabel(weighted_amount, data.pipeline.currency, lang)
    lines.push(
      t(
        lang,
        `📊 本月在途 ${count} 个商机,加权 ${weighted}`,
        `📊 ${count} open deals this month, weighted ${weighted}`,
      ),
    )
  }
  return lines.join('\n')
}
