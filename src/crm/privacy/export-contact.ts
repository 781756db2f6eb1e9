import { and, eq, or } from 'drizzle-orm'
import { auditLog, consents, contacts, customers, interactions } from '../../db/schema.ts'
import type { Actor, CrmContext } from '../crm-context.ts'
import { CrmError } from '../crm-error.ts'
import { normalizePersonName, normalizePhone } from '../normalize.ts'
import { loadContact } from './erase-contact.ts'
import { mentions, personalPatterns } from './personal-data.ts'

/**
 * Everything held about a person (PIPL 查阅复制权, GDPR art. 15): the contact, its customer's name, its
 * consent history, the notes that name them or are linked to them, and the audit entries about them.
 */
export async function exportContactData(crm: CrmContext, actor: Actor, contactId: string) {
  const contact = await loadContact(crm, actor, contactId)
  const [customer] = await crm.db.select().from(customers).where(eq(customers.id, contact.customerId))
  const patterns = personalPatterns(contact)
  const notes = await crm.db
    .select()
    .from(interactions)
    .where(or(eq(interactions.contactId, contact.id), eq(interactions.customerId, contact.customerId)))
  return {
    exportedAt: crm.now().toISOString(),
    contact,
    customer: customer ? { id: customer.id, name: customer.name } : null,
    consents: await crm.db.select().from(consents).where(eq(consents.contactId, contact.id)),
    interactions: notes.filter((n) => n.contactId === contact.id || mentions(n.rawText, patterns)),
    audit: await crm.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, actor.workspaceId), eq(auditLog.entityId, contact.id))),
  }
}

/**
 * The contacts a person is asked about by: an id, a phone in any format, an email, or a name (which may
 * be several people: the caller asks which).
 */
export async function findContactsByHandle(crm: CrmContext, actor: Actor, handle: string) {
  const rows = await crm.db.select().from(contacts).where(eq(contacts.workspaceId, actor.workspaceId))
  const phone = normalizePhone(handle)
  const key = normalizePersonName(handle)
  const byId = rows.filter((c) => c.id === handle)
  if (byId.length) return byId
  const found = rows.filter(
    (c) =>
      (phone !== null && c.phones.includes(phone)) ||
      c.email === handle.trim().toLowerCase() ||
      c.normalizedName === key,
  )
  if (!found.length)
    throw new CrmError('not_found', `no contact "${handle}" (expected an id, phone, email or name)`)
  return found
}
