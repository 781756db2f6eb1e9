import { and, asc, eq, inArray, notInArray } from 'drizzle-orm'
import type {
  ContactSummary,
  CustomerCardData,
  CustomerSummary,
  DealSummary,
  InteractionSummary,
  ReminderSummary,
} from '../chat/reply-data.ts'
import { contacts, customers, deals, reminders, users } from '../db/schema.ts'
import type { ContactRow } from './contacts.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import type { CustomerRow } from './customers.ts'
import { CLOSED_STAGES, type DealRow } from './deals.ts'
import { type InteractionRow, recentInteractions } from './interactions.ts'
import { formatLocalTime } from './local-time.ts'
import { fromMinorUnits } from './money.ts'
import { describeRecurrence, parseRecurrence } from './recurrence.ts'
import type { ReminderRow } from './reminders.ts'

/** Display names of users by id, fetched once for a whole reply. */
export async function userNames(ctx: CrmContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await ctx.db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted))
  return new Map(rows.map((r) => [r.id, r.name]))
}

export function customerSummary(row: CustomerRow, names: Map<string, string>): CustomerSummary {
  return {
    id: row.id,
    name: row.name,
    ownerName: row.ownerUserId ? (names.get(row.ownerUserId) ?? null) : null,
    industry: row.industry,
    tags: row.tags,
    inPool: row.inPool,
  }
}

export function contactSummary(row: ContactRow): ContactSummary {
  return { id: row.id, name: row.name, title: row.title, phones: row.phones, email: row.email }
}

export function dealSummary(row: DealRow, customerName: string, names: Map<string, string>): DealSummary {
  return {
    id: row.id,
    title: row.title,
    customerName,
    stage: row.stage,
    amount: fromMinorUnits(row.amountMinor, row.currency),
    currency: row.currency,
    probability: row.probability,
    ownerName: row.ownerUserId ? (names.get(row.ownerUserId) ?? null) : null,
    expectedClose: row.expectedClose,
  }
}

export function interactionSummary(
  row: InteractionRow,
  actor: Actor,
  names: Map<string, string>,
): InteractionSummary {
  return {
    id: row.id,
    type: row.type,
    summary: row.summary ?? row.rawText,
    sentiment: row.sentiment,
    authorName: row.authorUserId ? (names.get(row.authorUserId) ?? null) : null,
    occurredAt: row.occurredAt.toISOString(),
    occurredLocal: formatLocalTime(row.occurredAt, actor.timeZone, actor.locale),
  }
}

export function reminderSummary(
  row: ReminderRow,
  actor: Pick<Actor, 'timeZone' | 'locale'>,
  customerName: string | null,
): ReminderSummary {
  return {
    id: row.id,
    text: row.text,
    dueAt: row.dueAt.toISOString(),
    dueLocal: formatLocalTime(row.dueAt, actor.timeZone, actor.locale),
    status: row.status,
    customerName,
    repeats: row.recurrence
      ? describeRecurrence(
          parseRecurrence(row.recurrence),
          row.occurrenceAt ?? row.dueAt,
          row.timeZone ?? actor.timeZone,
          actor.locale.startsWith('zh'),
        )
      : null,
  }
}

/** The customer card: contacts, open deals, the last 5 interactions and the next reminder. */
export async function customerCard(
  ctx: CrmContext,
  actor: Actor,
  customer: CustomerRow,
): Promise<CustomerCardData> {
  const [contactRows, dealRows, interactionRows, reminderRows] = await Promise.all([
    ctx.db.select().from(contacts).where(eq(contacts.customerId, customer.id)),
    ctx.db
      .select()
      .from(deals)
      .where(and(eq(deals.customerId, customer.id), notInArray(deals.stage, CLOSED_STAGES))),
    recentInteractions(ctx, customer.id, 5),
    ctx.db
      .select()
      .from(reminders)
      .where(and(eq(reminders.customerId, customer.id), eq(reminders.status, 'pending')))
      .orderBy(asc(reminders.dueAt))
      .limit(1),
  ])
  const names = await userNames(ctx, [
    customer.ownerUserId,
    ...dealRows.map((d) => d.ownerUserId),
    ...interactionRows.map((i) => i.authorUserId),
  ])
  const next = reminderRows[0]
  return {
    customer: customerSummary(customer, names),
    contacts: contactRows.map(contactSummary),
    deals: dealRows.map((d) => dealSummary(d, customer.name, names)),
    interactions: interactionRows.map((i) => interactionSummary(i, actor, names)),
    nextReminder: next ? reminderSummary(next, actor, customer.name) : null,
  }
}

/** Customer names by id, for lists that mention several. */
export async function customerNames(ctx: CrmContext, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))]
  if (wanted.length === 0) return new Map()
  const rows = await ctx.db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(inArray(customers.id, wanted))
  return new Map(rows.map((r) => [r.id, r.name]))
}
