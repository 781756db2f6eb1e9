import { and, eq, notInArray } from 'drizzle-orm'
import type { Actor, CrmContext } from '../crm/crm-context.ts'
import { CLOSED_STAGES } from '../crm/deals.ts'
import { listOpenReminders } from '../crm/reminders.ts'
import { customerNames, dealSummary, reminderSummary, userNames } from '../crm/summaries.ts'
import { deals } from '../db/schema.ts'
import type { HomeViewData } from './chat-bot.ts'

/** A user's open reminders and own open deals, for a platform's home tab. */
export async function homeView(crm: CrmContext, actor: Actor | null): Promise<HomeViewData> {
  if (!actor) return { userName: '', reminders: [], deals: [] }
  const [reminderRows, dealRows] = await Promise.all([
    listOpenReminders(crm, actor),
    crm.db
      .select()
      .from(deals)
      .where(and(eq(deals.ownerUserId, actor.userId), notInArray(deals.stage, CLOSED_STAGES)))
      .limit(50),
  ])
  const customers = await customerNames(crm, [
    ...reminderRows.map((r) => r.customerId),
    ...dealRows.map((d) => d.customerId),
  ])
  const names = await userNames(crm, [actor.userId])
  return {
    userName: actor.displayName,
    reminders: reminderRows.map((r) =>
      reminderSummary(r, actor, r.customerId ? (customers.get(r.customerId) ?? null) : null),
    ),
    deals: dealRows.map((d) => dealSummary(d, customers.get(d.customerId) ?? '', names)),
  }
}
