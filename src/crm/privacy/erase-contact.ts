import { and, eq, inArray, like, or, type SQL } from 'drizzle-orm'
import {
  auditLog,
  consents,
  contacts,
  deals,
  inboundMessages,
  interactions,
  reminders,
  workspaces,
} from '../../db/schema.ts'
import { auditInsert } from '../audit.ts'
import type { ContactRow } from '../contacts.ts'
import type { Actor, CrmContext } from '../crm-context.ts'
import { CrmError } from '../crm-error.ts'
import { getCustomer } from '../customers.ts'
import { companyKey } from '../matching/company-key.ts'
import { mentions, personalPatterns, scrubJson, scrubText } from './personal-data.ts'

/** What an erasure changed, by table: counts only, the tombstone keeps no personal data. */
export interface ErasureReport {
  contactId: string
  scrubbed: Record<string, number>
}

/**
 * Erases a person (PIPL 删除权, GDPR art. 17): the contact and its consents are deleted, and their name,
 * phones, email and WeChat id are replaced by `[已删除]` in the customer's notes, deals and reminders, in
 * the raw inbound messages and the bot's stored replies, and in the audit log. One batch, recorded by a
 * tombstone audit row that names only the contact id. The freed pages still hold the old bytes until the
 * file is vacuumed, which `crm privacy erase` does next.
 */
export async function eraseContact(crm: CrmContext, actor: Actor, contactId: string): Promise<ErasureReport> {
  const contact = await loadContact(crm, actor, contactId)
  const customer = await getCustomer(crm, actor, contact.customerId)
  const patterns = personalPatterns(contact)
  // Unique identifiers (a phone's last digits, an email) are searched for everywhere; a name only where it
  // is about this customer, since another customer's 张伟 is another person.
  const probes = [...contact.phones.map((p) => p.slice(-4)), contact.email, contact.wechatId].filter(
    (s): s is string => !!s,
  )
  const unique = personalPatterns({ ...contact, name: '' })
  const notes = await crm.db
    .select()
    .from(interactions)
    .where(or(eq(interactions.customerId, customer.id), eq(interactions.contactId, contact.id)))
  const noteIds = notes.map((n) => n.id)
  const sourceIds = new Set(notes.map((n) => `${n.sourcePlatform}|${n.sourceMessageId}`))
  const customerWords = [customer.name, companyKey(customer.name)].filter((w) => w.length >= 2)
  const aboutCustomer = (text: string) => customerWords.some((w) => text.includes(w))

  const [workspace] = await crm.db.select().from(workspaces).where(eq(workspaces.id, actor.workspaceId))
  const inbound = workspace
    ? await crm.db
        .select()
        .from(inboundMessages)
        .where(
          and(
            like(inboundMessages.platform, `${workspace.platform}%`),
            eq(inboundMessages.platformWorkspaceId, workspace.externalId),
            anyLike([inboundMessages.text, inboundMessages.reply], [contact.name, ...probes]),
          ),
        )
    : []
  // The bot's stored reply counts too: a customer card lists the contact by name and phone.
  const inboundToScrub = inbound.filter((m) => {
    const said = `${m.text}\n${JSON.stringify(m.reply)}`
    return (
      sourceIds.has(`${m.platform}|${m.platformMessageId}`) ||
      mentions(said, unique) ||
      (mentions(said, patterns) && aboutCustomer(said))
    )
  })
  const customerDeals = await crm.db.select().from(deals).where(eq(deals.customerId, customer.id))
  const customerReminders = await crm.db.select().from(reminders).where(eq(reminders.customerId, customer.id))
  const consentRows = await crm.db.select().from(consents).where(eq(consents.contactId, contact.id))
  const inScope = [
    contact.id,
    ...noteIds,
    ...consentRows.map((c) => c.id),
    ...customerDeals.map((d) => d.id),
    ...customerReminders.map((r) => r.id),
  ]
  const audit = await crm.db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, actor.workspaceId),
        or(inArray(auditLog.entityId, inScope), anyLike([auditLog.before, auditLog.after], probes)),
      ),
    )

  const now = crm.now()
  const changedNotes = notes.filter(
    (n) => mentions(JSON.stringify(n), patterns) || n.contactId === contact.id,
  )
  const statements = [
    ...changedNotes.map((n) =>
      crm.db
        .update(interactions)
        .set({
          rawText: scrubText(n.rawText, patterns),
          summary: n.summary === null ? null : scrubText(n.summary, patterns),
          extracted: scrubJson(n.extracted, patterns),
          contactId: n.contactId === contact.id ? null : n.contactId,
        })
        .where(eq(interactions.id, n.id)),
    ),
    ...inboundToScrub.map((m) =>
      crm.db
        .update(inboundMessages)
        .set({
          text: scrubText(m.text, patterns),
          userName: m.userName === null ? null : scrubText(m.userName, patterns),
          reply: scrubJson(m.reply, patterns),
        })
        .where(eq(inboundMessages.id, m.id)),
    ),
    ...customerDeals
      .filter((d) => mentions(d.title, patterns))
      .map((d) =>
        crm.db
          .update(deals)
          .set({ title: scrubText(d.title, patterns) })
          .where(eq(deals.id, d.id)),
      ),
    ...customerReminders
      .filter((r) => mentions(r.text, patterns))
      .map((r) =>
        crm.db
          .update(reminders)
          .set({ text: scrubText(r.text, patterns) })
          .where(eq(reminders.id, r.id)),
      ),
    ...audit.map((a) =>
      crm.db
        .update(auditLog)
        .set(
          // The person's own rows keep that something happened, not what it held.
          a.entityId === contact.id
            ? { before: null, after: null }
            : { before: scrubJson(a.before, patterns), after: scrubJson(a.after, patterns) },
        )
        .where(eq(auditLog.id, a.id)),
    ),
    crm.db.delete(consents).where(eq(consents.contactId, contact.id)),
    crm.db.delete(contacts).where(eq(contacts.id, contact.id)),
  ]
  const scrubbed = {
    interactions: changedNotes.length,
    inbound_messages: inboundToScrub.length,
    audit_log: audit.length,
    consents: consentRows.length,
    contacts: 1,
  }
  await crm.db.batch([
    auditInsert(
      crm.db,
      actor,
      actor.workspaceId,
      {
        action: 'erase',
        entityType: 'contact',
        entityId: contact.id,
        after: { erasedAt: now.toISOString(), scrubbed },
      },
      now,
    ),
    ...statements,
  ])
  return { contactId: contact.id, scrubbed }
}

/** The contact, if the actor may see its customer; `not_found` otherwise. */
export async function loadContact(crm: CrmContext, actor: Actor, contactId: string): Promise<ContactRow> {
  const [contact] = await crm.db.select().from(contacts).where(eq(contacts.id, contactId))
  if (!contact || contact.workspaceId !== actor.workspaceId)
    throw new CrmError('not_found', `no contact with id "${contactId}"`)
  await getCustomer(crm, actor, contact.customerId)
  return contact
}

function anyLike(columns: Parameters<typeof like>[0][], needles: string[]): SQL | undefined {
  const terms = needles.filter((n) => n.length >= 2).map((n) => n.replace(/[%_]/g, ''))
  return or(...columns.flatMap((c) => terms.map((t) => like(c, `%${t}%`))))
}
