import { and, eq } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { contacts } from '../db/schema.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { getCustomer } from './customers.ts'
import { normalizeEmail, normalizePersonName, normalizePhone, soundKey } from './normalize.ts'

export type ContactRow = typeof contacts.$inferSelect

export interface NewContact {
  customerId: string
  name: string
  title?: string | null | undefined
  phones?: string[] | undefined
  email?: string | null | undefined
  wechatId?: string | null | undefined
}

/**
 * The contact of a customer that a name or phone means: same phone (in any format), same normalized name, or
 * the same sound (张伟 / 张炜, the IME's typo). Returns undefined when none fits.
 */
export async function findContact(
  ctx: CrmContext,
  customerId: string,
  probe: { name?: string | undefined; phones?: string[] | undefined },
): Promise<ContactRow | undefined> {
  const rows = await ctx.db.select().from(contacts).where(eq(contacts.customerId, customerId))
  const phones = (probe.phones ?? []).map((p) => normalizePhone(p)).filter((p): p is string => p !== null)
  const byPhone = rows.find((c) => c.phones.some((p) => phones.includes(p)))
  if (byPhone || !probe.name) return byPhone
  const key = normalizePersonName(probe.name)
  const sound = soundKey(probe.name)
  return rows.find((c) => c.normalizedName === key) ?? rows.find((c) => soundKey(c.name) === sound)
}

/**
 * Adds a contact, or, when one already matches by phone or name, merges the new phones/title/email into it.
 * `merged` tells which happened.
 */
export async function upsertContact(
  ctx: CrmContext,
  actor: Actor,
  input: NewContact,
): Promise<{ contact: ContactRow; merged: boolean }> {
  await getCustomer(ctx, actor, input.customerId)
  const phones: string[] = []
  for (const raw of input.phones ?? []) {
    const phone = normalizePhone(raw)
    if (!phone)
      throw new CrmError('invalid', `phone "${raw}" is not a valid number (expected e.g. +86 138 0013 8000)`)
    phones.push(phone)
  }
  const email = input.email ? normalizeEmail(input.email) : null
  const now = ctx.now()
  const existing = await findContact(ctx, input.customerId, { name: input.name, phones })
  if (existing) {
    const after: ContactRow = {
      ...existing,
      phones: [...new Set([...existing.phones, ...phones])],
      title: input.title ?? existing.title,
      email: email ?? existing.email,
      wechatId: input.wechatId ?? existing.wechatId,
      updatedAt: now,
    }
    // A note that only names 张总 again changes nothing: no write, no audit row.
    const unchanged =
      after.phones.length === existing.phones.length &&
      after.title === existing.title &&
      after.email === existing.email &&
      after.wechatId === existing.wechatId
    if (unchanged) return { contact: existing, merged: true }
    await ctx.db.batch([
      ctx.db
        .update(contacts)
        .set(after)
        .where(and(eq(contacts.id, existing.id))),
      auditInsert(
        ctx.db,
        actor,
        actor.workspaceId,
        { action: 'update', entityType: 'contact', entityId: existing.id, before: existing, after },
        now,
      ),
    ])
    return { contact: after, merged: true }
  }
  const name = input.name.trim()
  if (!name) throw new CrmError('invalid', 'contact name is empty')
  const row: ContactRow = {
    id: newId(),
    workspaceId: actor.workspaceId,
    customerId: input.customerId,
    name,
    normalizedName: normalizePersonName(name),
    title: input.title ?? null,
    phones,
    email,
    wechatId: input.wechatId ?? null,
    createdAt: now,
    updatedAt: now,
  }
  await ctx.db.batch([
    ctx.db.insert(contacts).values(row),
    auditInsert(
      ctx.db,
      actor,
      actor.workspaceId,
      { action: 'create', entityType: 'contact', entityId: row.id, after: row },
      now,
    ),
  ])
  return { contact: row, merged: false }
}
