import { and, desc, eq, like, or } from 'drizzle-orm'
import { type Lang, languageOf, t } from '../chat/intents/intent-context.ts'
import { moneyLabel } from '../chat/labels.ts'
import type { DigestData } from '../chat/reply-data.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { zonedParts } from '../crm/local-time.ts'
import { pipelineSummary } from '../crm/pipeline-summary.ts'
import { listOpenReminders } from '../crm/reminders.ts'
import { reminderSummary } from '../crm/summaries.ts'
import { actorFromUser } from '../crm/users.ts'
import { inboundMessages, jobRuns, users, workspaces } from '../db/schema.ts'
import { enqueueStatement, type OutboxItem } from '../outbox/outbox-store.ts'
import { goingCold } from './going-cold.ts'

export interface DigestOptions {
  digestHour: number
  staleAfterDays: number
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
    const key = `digest:${user.id}:${local.year}-${local.month}-${local.day}`
    const [done] = await crm.db.select().from(jobRuns).where(eq(jobRuns.key, key))
    if (done) continue
    const markDone = crm.db.insert(jobRuns).values({ key, ranAt: crm.now() }).onConflictDoNothing()
    const chat = await lastDirectChatOf(crm, workspace.platform, workspace.externalId, user.platformUserId)
    const data =
      chat && platforms.has(chat.platform) ? await digestData(crm, user, local.hour, options) : null
    if (!chat || !data) {
      await markDone
      continue
    }
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
        text: digestText(data, options.staleAfterDays, languageOf(chat.text)),
        intent: 'digest',
        data: data as unknown as Record<string, unknown>,
      },
    }
    await crm.db.batch([markDone, enqueueStatement(crm.db, [item], crm.now().getTime())])
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
): Promise<DigestData | null> {
  const actor = actorFromUser(user)
  const endOfDay = new Date(crm.now().getTime() + (24 - localHour) * 3_600_000)
  const reminders = (await listOpenReminders(crm, actor, 50)).filter((r) => r.dueAt < endOfDay)
  const cold = await goingCold(crm, actor, options.staleAfterDays)
  const data: DigestData = {
    dueToday: reminders.map((r) => reminderSummary(r, actor, null)),
    staleCustomers: cold.customers.slice(0, 10),
    staleDeals: cold.deals.slice(0, 10),
    pipeline: user.role !== 'rep' ? await pipelineSummary(crm, actor, 'this_month') : null,
  }
  if (!data.dueToday.length && !data.staleCustomers.length && !data.staleDeals.length && !data.pipeline)
    return null
  return data
}

/** Where the user last talked to the bot one to one, on any way into the workspace's platform. */
async function lastDirectChatOf(
  crm: CrmContext,
  platform: string,
  workspaceId: string,
  platformUserId: string,
) {
  const [row] = await crm.db
    .select({
      platform: inboundMessages.platform,
      chatId: inboundMessages.chatId,
      text: inboundMessages.text,
    })
    .from(inboundMessages)
    .where(
      and(
        or(eq(inboundMessages.platform, platform), like(inboundMessages.platform, `${platform}-%`)),
        eq(inboundMessages.platformWorkspaceId, workspaceId),
        eq(inboundMessages.platformUserId, platformUserId),
        eq(inboundMessages.chatKind, 'direct'),
      ),
    )
    .orderBy(desc(inboundMessages.receivedAt), desc(inboundMessages.id))
    .limit(1)
  return row
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
