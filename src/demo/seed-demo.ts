import { and, eq, sql } from 'drizzle-orm'
import { upsertContact } from '../crm/contacts.ts'
import type { CrmContext } from '../crm/crm-context.ts'
import { createCustomer } from '../crm/customers.ts'
import { createDeal, updateDeal } from '../crm/deals.ts'
import { logInteraction } from '../crm/interactions.ts'
import { createReminder } from '../crm/reminders.ts'
import { actorFromUser, ensureUser, ensureWorkspace } from '../crm/users.ts'
import { newId } from '../db/database.ts'
import { customers, DEAL_STAGES, type Role, teams, users } from '../db/schema.ts'
import {
  COMPANIES,
  DEALS_EN,
  DEALS_ZH,
  GIVEN_ZH,
  NOTES_EN,
  NOTES_ZH,
  PEOPLE_EN,
  REMINDERS_EN,
  REMINDERS_ZH,
  SURNAMES_ZH,
  TITLES_EN,
  TITLES_ZH,
} from './demo-data.ts'

/** A deterministic generator, so the demo looks the same on every machine. */
function rng(seed: number) {
  let s = seed
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff
    return s / 0x7fffffff
  }
}

// The web chat knows a user by the name typed in its header, so the demo team's ids are their names:
// typing 王经理 there is the manager.
export const DEMO_MANAGER = '王经理'
export const DEMO_REPS = ['张伟', 'Lily Chen', '李娜'] as const

export type SeedResult =
  | { refused: string; counts?: undefined }
  | { refused?: undefined; counts: Record<string, number | string> }

/** Days without a note after which the demo's going-cold customers fall silent (beyond the 14-day default). */
const COLD_DAYS = 21

/**
 * A realistic team in the web workspace: 1 manager, 3 reps, 40 customers with named contacts, 60 deals
 * across all stages, 300 interactions over the last 90 days, open reminders, and a handful of customers
 * going cold. Refused when the workspace already has customers unless `force`: then customers whose name
 * exists are skipped (no duplicates), and nobody who is an admin is ever demoted.
 */
export async function seedDemo(
  crm: CrmContext,
  timeZone: string,
  options: { force: boolean } = { force: false },
): Promise<SeedResult> {
  const workspace = await ensureWorkspace(crm, 'web', 'local', 'Demo')
  const [{ count } = { count: 0 }] = await crm.db
    .select({ count: sql<number>`count(*)` })
    .from(customers)
    .where(eq(customers.workspaceId, workspace.id))
  if (count > 0 && !options.force)
    return {
      refused: `the web workspace already has ${count} customers; seeding would mix demo data into them (add --force to seed anyway, skipping existing names)`,
    }
  const existingNames = new Set(
    (
      await crm.db
        .select({ name: customers.name })
        .from(customers)
        .where(eq(customers.workspaceId, workspace.id))
    ).map((c) => c.name),
  )
  const [anyAdmin] = await crm.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.workspaceId, workspace.id), eq(users.role, 'admin')))
  const admin = anyAdmin ?? (await ensureUser(crm, workspace.id, 'admin', { displayName: 'admin' }, timeZone))
  const manager = await ensureUser(crm, workspace.id, DEMO_MANAGER, { displayName: DEMO_MANAGER }, timeZone)
  const teamId = newId()
  await crm.db
    .insert(teams)
    .values({ id: teamId, workspaceId: workspace.id, name: '华东销售', managerUserId: manager.id })
  // An admin keeps admin: seeding must never take away the rights of whoever set the server up.
  const keepAdmin = (role: Role, wanted: Role): Role => (role === 'admin' ? 'admin' : wanted)
  await crm.db
    .update(users)
    .set({ role: keepAdmin(manager.role, 'manager'), teamId })
    .where(eq(users.id, manager.id))
  const reps = []
  for (const name of DEMO_REPS) {
    const rep = await ensureUser(crm, workspace.id, name, { displayName: name }, timeZone)
    const role = keepAdmin(rep.role, 'rep')
    await crm.db.update(users).set({ teamId, role }).where(eq(users.id, rep.id))
    reps.push(actorFromUser({ ...rep, teamId, role }))
  }
  const random = rng(42)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const now = crm.now().getTime()
  const customerRows = []
  for (const [i, [name, industry]] of COMPANIES.entries()) {
    const owner = reps[i % reps.length]
    if (!owner || existingNames.has(name)) continue
    const customer = await createCustomer(crm, owner, { name, industry })
    const english = /^[A-Za-z]/.test(name)
    for (let k = 0; k < 1 + (i % 2); k++) {
      await upsertContact(crm, owner, {
        customerId: customer.id,
        name: english ? pick(PEOPLE_EN) : `${pick(SURNAMES_ZH)}${pick(GIVEN_ZH)}`,
        title: english ? pick(TITLES_EN) : pick(TITLES_ZH),
      })
    }
    // Every seventh customer has gone quiet: the going-cold list and the digest have something to show.
    customerRows.push({ customer, owner, english, cold: i % 7 === 3 })
  }
  const day = 86_400_000
  // Each deal walks the stages up to where it stands, at times spread over the last 90 days, so the stage
  // history, `this week` and `last month` summaries and the going-cold job all have something real to show.
  const openPath = DEAL_STAGES.filter((s) => s !== 'won' && s !== 'lost')
  for (let i = 0; i < 60; i++) {
    const row = customerRows[i % customerRows.length]
    if (!row) continue
    const { customer, owner, english } = row
    const target = DEAL_STAGES[i % DEAL_STAGES.length] ?? 'lead'
    const path =
      target === 'won' || target === 'lost'
        ? [...openPath.slice(0, 1 + (i % 4)), target]
        : openPath.slice(0, openPath.indexOf(target) + 1)
    const steps = path.map(
      (_, k) => now - Math.floor((90 - (k * 80) / path.length) * day * (0.3 + 0.7 * random())),
    )
    steps.sort((a, b) => a - b)
    const at = (t: number): CrmContext => ({ ...crm, now: () => new Date(t) })
    const deal = await createDeal(at(steps[0] ?? now), owner, {
      customerId: customer.id,
      title: english ? `${customer.name} · ${pick(DEALS_EN)}` : `${customer.name} · ${pick(DEALS_ZH)}`,
      amount: Math.round(random() * 200 + 5) * 10_000,
      currency: english ? 'USD' : 'CNY',
      stage: path[0] ?? 'lead',
      expectedClose: localDate(now + Math.floor(random() * 90 + 7) * day),
    })
    for (const [k, stage] of path.entries()) {
      if (k > 0) await updateDeal(at(steps[k] ?? now), owner, deal.id, { stage })
    }
  }
  let notes = 0
  for (let i = 0; customerRows.length > 0 && i < 300; i++) {
    const { customer, owner, english, cold } = pick(customerRows)
    const [type, sentiment, rawText] = pick(english ? NOTES_EN : NOTES_ZH)
    const daysAgo = cold ? COLD_DAYS + random() * (90 - COLD_DAYS) : random() * 90
    await logInteraction(crm, owner, {
      customerId: customer.id,
      type,
      rawText,
      sentiment,
      occurredAt: workingHours(now - Math.floor(daysAgo * day), random),
      sourcePlatform: 'seed',
      sourceMessageId: `seed-${workspace.id}-${now}-${i}`,
    })
    notes++
  }
  let reminderCount = 0
  for (const [i, row] of customerRows
    .filter((r) => !r.cold)
    .slice(0, 12)
    .entries()) {
    await createReminder(crm, row.owner, {
      text: `${row.english ? pick(REMINDERS_EN) : pick(REMINDERS_ZH)} · ${row.customer.name}`,
      dueAt: new Date(now + (i - 2) * day * 0.75 + 3_600_000),
      platform: 'web',
      chatId: `dm:${row.owner.displayName}`,
      customerId: row.customer.id,
    })
    reminderCount++
  }
  return {
    counts: {
      users: 5,
      customers: customerRows.length,
      deals: customerRows.length ? 60 : 0,
      interactions: notes,
      reminders: reminderCount,
      goingCold: customerRows.filter((r) => r.cold).length,
      admin: admin.id,
    },
  }
}

const localDate = (t: number) => new Date(t).toISOString().slice(0, 10)

/** The same day between 09:00 and 18:00 Shanghai time (01:00-10:00 UTC), when notes are written. */
function workingHours(t: number, random: () => number): Date {
  const d = new Date(t)
  d.setUTCHours(1 + Math.floor(random() * 9), Math.floor(random() * 60), 0, 0)
  return d
}
