import { asc, eq } from 'drizzle-orm'
import { newId } from '../db/database.ts'
import { type CONSENT_STATUSES, consents, contacts } from '../db/schema.ts'
import { auditInsert } from './audit.ts'
import type { Actor, CrmContext } from './crm-context.ts'
import { CrmError } from './crm-error.ts'
import { getCustomer } from './customers.ts'

export type ConsentRow = typeof consents.$inferSelect

/**
 * Records that a contact granted or withdrew consent to be contacted on a channel (`phone`, `email`,
 * `wechat`, `marketing`…). Consent is history: each change is a new row, and the latest row per channel is
 * the contact's current state.
 */
export async function recordConsent(
  crm: CrmContext,
  actor: Actor,
  input: {
    contactId: string
    channel: string
    status: (typeof CONSENT_STATUSES)[number]
    basis?: string | null | undefined
  },
): Promise<ConsentRow> {
  const [contact] = await crm.db.select().from(contacts).where(eq(contacts.id, input.contactId))
  if (!contact) throw new CrmError('not_found', `no contact with id "${input.contactId}"`)
  await getCustomer(crm, actor, contact.customerId)
  const now = crm.now()
  const row: ConsentRow = {
    id: newId(),
    workspaceId: actor.workspaceId,
    contactId: contact.id,
    channel: input.channel,
    status: input.status,
    basis: input.basis ?? null,
    recordedByUserId: actor.userId,
    recordedAt: now,
  }
  await crm.db.batch([
    crm.db.insert(consents).values(row),
    auditInsert(
      crm.db,
      actor,
      actor.workspaceId,
      { action: 'create', entityType: 'consent', entityId: row.id, after: row },
      now,
    ),
  ])
  return row
}

/** The current consent per channel of a contact (the latest record wins). */
export async function currentConsents(
  crm: CrmContext,
  contactId: string,
): Promise<Record<string, ConsentRow>> {
  const rows = await crm.db
    .select()
    .from(consents)
    .where(eq(consents.contactId, contactId))
    .orderBy(asc(consents.id))
  return Object.fromEntries(rows.map((r) => [r.channel, r]))
}
